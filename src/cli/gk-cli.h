/* gk-cli.h: shared pieces of the gongkai-cli subcommands. */
#pragma once

#include <glib.h>

#include "gk-deadline.h"
#include "gk-store.h"

G_BEGIN_DECLS

/* Exit codes, documented in --help and the man page. */
enum {
  GK_CLI_EXIT_OK = 0,
  GK_CLI_EXIT_FOUND = 1,          /* check: something is overdue */
  GK_CLI_EXIT_USAGE = 2,          /* unknown command or bad arguments */
  GK_CLI_EXIT_CALENDAR = 3,       /* the working-day calendar does not cover a date */
  GK_CLI_EXIT_FAILURE = 4,        /* the command could not be carried out */
  GK_CLI_EXIT_NO_LEDGER = 5,      /* no ledger at the path, or a file that is not one */
  GK_CLI_EXIT_DAMAGED = 6,        /* SQLite found the ledger damaged */
  GK_CLI_EXIT_BUSY = 7,           /* another program holds the ledger locked */
  GK_CLI_EXIT_READ_ONLY = 8,      /* the ledger or its folder cannot be written */
  GK_CLI_EXIT_DISK_FULL = 9,      /* the disk holding the ledger is full */
};

typedef struct
{
  char *db_path;   /* --db, or the default database the window uses */
} GkCliContext;

typedef int (*GkCliCommandFunc) (GkCliContext *ctx, int argc, char **argv);

typedef struct
{
  const char *name;
  const char *summary;
  GkCliCommandFunc run;
} GkCliCommand;

/* Parses a subcommand's options; prints the message and returns FALSE on bad usage. */
gboolean gk_cli_parse (GOptionContext *context, int *argc, char ***argv);
int      gk_cli_usage_error (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Prints the message; the exit code says what kind of failure it was. */
int      gk_cli_failure (GError *error);
/* Opens the ledger of --db, checked whole (a large one too). Only @create
 * makes a new ledger; read commands never do. NULL with *status set. */
GkStore *gk_cli_open_store (GkCliContext *ctx, gboolean create, int *status);
/* --organisation CODE|all: what the reports count. FALSE with *status set
 * (a usage error for an unknown code). */
gboolean gk_cli_set_organisation (GkStore *store, const char *command, const char *organisation, int *status);
/* Opens the ledger of --db for reading only, brought up to date first if
 * it is in an older format. NULL with *status set. */
GkStore *gk_cli_open_store_read_only (GkCliContext *ctx, int *status);

/* Subcommands, one file each. */
int gk_cli_workdays (GkCliContext *ctx, int argc, char **argv);
int gk_cli_due      (GkCliContext *ctx, int argc, char **argv);
int gk_cli_list     (GkCliContext *ctx, int argc, char **argv);
int gk_cli_show     (GkCliContext *ctx, int argc, char **argv);
int gk_cli_catalog  (GkCliContext *ctx, int argc, char **argv);
int gk_cli_demo     (GkCliContext *ctx, int argc, char **argv);
int gk_cli_check    (GkCliContext *ctx, int argc, char **argv);
int gk_cli_verify   (GkCliContext *ctx, int argc, char **argv);
int gk_cli_report   (GkCliContext *ctx, int argc, char **argv);
int gk_cli_publish  (GkCliContext *ctx, int argc, char **argv);
int gk_cli_backup   (GkCliContext *ctx, int argc, char **argv);
int gk_cli_restore  (GkCliContext *ctx, int argc, char **argv);
int gk_cli_duty     (GkCliContext *ctx, int argc, char **argv);
int gk_cli_export   (GkCliContext *ctx, int argc, char **argv);
int gk_cli_import   (GkCliContext *ctx, int argc, char **argv);
int gk_cli_setup    (GkCliContext *ctx, int argc, char **argv);

/* "overdue", "due-soon", … as `check` and `duty` print a timeliness. */
const char *gk_cli_timeliness_nick (GkTimeliness status);
int gk_cli_import_table (GkCliContext *ctx, int argc, char **argv);
int gk_cli_imports      (GkCliContext *ctx, int argc, char **argv);
int gk_cli_import_undo  (GkCliContext *ctx, int argc, char **argv);

G_END_DECLS
