/* gk-import.h: a clerk's spreadsheet (.xlsx or .csv) into records of one catalog item: columns mapped to fields, checked as the editor checks, imported all or nothing in one batch. */
#pragma once

#include <gio/gio.h>

#include "gk-store.h"
#include "gk-table.h"

G_BEGIN_DECLS

/* Where a column can go besides the item's own fields (whose ids are
 * [a-z][a-z0-9_]*, so these never clash with one). */
#define GK_IMPORT_TITLE     ":title"
#define GK_IMPORT_DOC_NO    ":doc_no"
#define GK_IMPORT_FORMED_ON ":formed_on"
#define GK_IMPORT_UNIT      ":unit"
#define GK_IMPORT_BODY      ":body"

/* The most problems kept for the list: the count goes on past them. */
#define GK_IMPORT_MAX_PROBLEMS 1000

/* One problem with a cell (or a row, @column -1), in the editor's words. */
typedef struct
{
  char  *sheet;
  guint  row;       /* as the spreadsheet numbers it */
  int    column;    /* 0 for A; -1 for the row as a whole */
  char  *header;    /* the column's header text, or NULL */
  char  *value;     /* the cell as written, or NULL */
  char  *message;
} GkImportProblem;

void  gk_import_problem_free   (GkImportProblem *problem);
/* "Sheet1, row 7, column C (签订日期), “2025-13-45”: …" */
char *gk_import_problem_format (const GkImportProblem *problem);

/* A column's possible destination: a field of the item or of every record. */
typedef struct
{
  char        *id;
  char        *label;
  GkFieldKind  kind;
} GkImportTarget;

typedef struct
{
  gint64     batch_id;     /* 0 when nothing was imported (or a dry run) */
  guint      n_rows;       /* data rows read (blank ones left out) */
  guint      n_imported;
  guint      n_duplicates; /* rows imported before (their key is known) */
  GArray    *skipped_rows; /* guint: bad rows left out (--skip-bad-rows) */
  GPtrArray *problems;     /* GkImportProblem, at most GK_IMPORT_MAX_PROBLEMS */
  guint      n_problems;   /* all of them */
} GkImportResult;

void gk_import_result_free (GkImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkImportResult, gk_import_result_free)

#define GK_TYPE_IMPORT (gk_import_get_type ())
G_DECLARE_FINAL_TYPE (GkImport, gk_import, GK, IMPORT, GObject)

/* Opens @file (an .xlsx workbook, or else a CSV in UTF-8 or GBK) and reads
 * the first sheet's header (row 1) and first rows. */
GkImport           *gk_import_new               (GkStore        *store,
                                                 GFile          *file,
                                                 GError        **error);
GFile              *gk_import_get_file          (GkImport       *self);
/* A CSV file has one sheet, named after the file. */
const char * const *gk_import_get_sheet_names   (GkImport       *self);
const char         *gk_import_get_sheet         (GkImport       *self);
/* Each reads the header and the first rows again and guesses the mapping. */
gboolean            gk_import_set_sheet         (GkImport       *self,
                                                 const char     *sheet,
                                                 GError        **error);
guint               gk_import_get_header_row    (GkImport       *self);
gboolean            gk_import_set_header_row    (GkImport       *self,
                                                 guint           row,
                                                 GError        **error);
const char         *gk_import_get_item_key      (GkImport       *self);
gboolean            gk_import_set_item          (GkImport       *self,
                                                 const char     *item_key,
                                                 GError        **error);

/* The destinations the item offers (GkImportTarget): title, 文号, formed
 * date, unit, summary, then the item's fields that a cell can hold. */
GPtrArray          *gk_import_get_targets       (GkImport       *self);

/* The columns, A to the last with a header or a value in the rows read. */
guint               gk_import_get_n_columns     (GkImport       *self);
/* The header's text, "" when the column has none. */
const char         *gk_import_get_column_header (GkImport       *self,
                                                 guint           column);
/* A target id, or NULL when the column is not imported. */
const char         *gk_import_get_column_target (GkImport       *self,
                                                 guint           column);
/* A target takes one column: setting it elsewhere frees it here. */
void                gk_import_set_column_target (GkImport       *self,
                                                 guint           column,
                                                 const char     *target);
/* "合同编号=contract_no,C=金额" — a column by its header or letter, a
 * target by its id or its label; what it names replaces the guesses for
 * those columns. */
gboolean            gk_import_set_map           (GkImport       *self,
                                                 const char     *map,
                                                 GError        **error);

/* The target whose value identifies a row across imports (文号); NULL:
 * the row's content does. */
const char         *gk_import_get_key           (GkImport       *self);
gboolean            gk_import_set_key           (GkImport       *self,
                                                 const char     *target,
                                                 GError        **error);
gboolean            gk_import_get_skip_bad_rows (GkImport       *self);
void                gk_import_set_skip_bad_rows (GkImport       *self,
                                                 gboolean        skip);

/* The first rows read, as they will be stored: one string per column
 * (NULL for a column not imported), with their problems. */
guint               gk_import_get_n_preview_rows (GkImport      *self);
guint               gk_import_get_preview_row_number (GkImport  *self,
                                                 guint           index);
GStrv               gk_import_dup_preview_row   (GkImport       *self,
                                                 guint           index,
                                                 GPtrArray      *problems);

/* Reads every row and imports them in one transaction, as one batch:
 * nothing when a row has a problem unless bad rows are skipped; nothing
 * at all with @dry_run. NULL only when the file or the ledger fails. */
GkImportResult     *gk_import_run               (GkImport       *self,
                                                 gboolean        dry_run,
                                                 GCancellable   *cancellable,
                                                 GError        **error);

/* Batches */
typedef struct
{
  gint64  id;
  char   *item_key;
  char   *item_name;
  char   *file_name;
  char   *sheet;
  char   *imported_at;
  char   *user;
  gint64  n_records;    /* still in the ledger */
} GkImportBatch;

void        gk_import_batch_free          (GkImportBatch  *batch);
GPtrArray  *gk_store_list_import_batches  (GkStore        *self,
                                           GError        **error);
/* Removes the batch's records and the batch, as one step. */
gboolean    gk_store_undo_import_batch    (GkStore        *self,
                                           gint64          batch_id,
                                           guint          *n_removed,
                                           GError        **error);

G_END_DECLS
