/* gk-cli.h: shared pieces of the gongkai-cli subcommands. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes, documented in --help and the man page. */
enum {
  GK_CLI_EXIT_OK = 0,
  GK_CLI_EXIT_FOUND = 1,          /* check: something is overdue */
  GK_CLI_EXIT_USAGE = 2,          /* unknown command or bad arguments */
  GK_CLI_EXIT_CALENDAR = 3,       /* the working-day calendar does not cover a date */
  GK_CLI_EXIT_FAILURE = 4,        /* the command could not be carried out */
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
int      gk_cli_failure (GError *error);

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

G_END_DECLS
