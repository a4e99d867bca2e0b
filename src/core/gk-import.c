/* gk-import.c: the spreadsheet import: reads rows, maps columns to fields, checks each cell as the editor would, writes one batch. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "gk-csv-reader.h"
#include "gk-date.h"
#include "gk-import-private.h"
#include "gk-schema.h"
#include "gk-xlsx-reader.h"

/* Rows the mapping page shows as they will be stored. */
#define N_PREVIEW_ROWS 10

typedef struct
{
  guint number;
  GkCell *cells;
  guint n_cells;
} PreviewRow;

struct _GkImport
{
  GObject parent_instance;

  GkStore *store;
  GFile *file;
  GkXlsxReader *xlsx;           /* NULL for a CSV file */
  GStrv sheet_names;
  guint sheet;
  guint header_row;

  GkItem *item;
  GkSchema *schema;
  GPtrArray *targets;           /* GkImportTarget */
  gint64 default_unit;

  GPtrArray *headers;           /* char *, one per column */
  GPtrArray *column_targets;    /* char * or NULL, one per column */
  GPtrArray *preview;           /* PreviewRow */
  char *key;
  gboolean skip_bad_rows;

  GHashTable *units;            /* unit name → id, as looked up */
};

G_DEFINE_FINAL_TYPE (GkImport, gk_import, G_TYPE_OBJECT)

/* What a clerk's header says for the fields every record has, beside
 * their labels (Chinese, as the sheets are written). */
static const struct
{
  const char *target;
  const char *words[6];
} record_aliases[] = {
  { GK_IMPORT_TITLE, { "标题", "信息名称", "公开信息名称", "名称", "文件名称", NULL } },
  { GK_IMPORT_DOC_NO, { "文号", "发文字号", "发文文号", "文件编号", NULL } },
  { GK_IMPORT_FORMED_ON, { "形成日期", "成文日期", "形成（变更）日期", "生成日期", "日期", NULL } },
  { GK_IMPORT_UNIT, { "责任单位", "公开主体", "发布机构", "单位", NULL } },
  { GK_IMPORT_BODY, { "内容概述", "摘要", "内容", "正文", NULL } },
};

/* Problems and results */

void
gk_import_problem_free (GkImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->sheet);
  g_free (problem->header);
  g_free (problem->value);
  g_free (problem->message);
  g_free (problem);
}

char *
gk_import_problem_format (const GkImportProblem *problem)
{
  g_autofree char *column = NULL;
  g_autofree char *where = NULL;

  if (problem->column < 0)
    where = g_strdup_printf (_("%s, row %u"), problem->sheet, problem->row);
  else
    {
      column = gk_table_column_name ((guint) problem->column);
      if (problem->header != NULL && *problem->header != '\0')
        where = g_strdup_printf (_("%s, row %u, column %s (%s)"), problem->sheet, problem->row, column, problem->header);
      else
        where = g_strdup_printf (_("%s, row %u, column %s"), problem->sheet, problem->row, column);
    }
  if (problem->value != NULL)
    return g_strdup_printf (_("%s, “%s”: %s"), where, problem->value, problem->message);
  return g_strdup_printf (_("%s: %s"), where, problem->message);
}

void
gk_import_result_free (GkImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->skipped_rows, g_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static void
target_free (GkImportTarget *target)
{
  g_free (target->id);
  g_free (target->label);
  g_free (target);
}

static void
preview_row_free (PreviewRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_free (row->cells[i].text);
  g_free (row->cells);
  g_free (row);
}

/* GObject */

static void
gk_import_finalize (GObject *object)
{
  GkImport *self = GK_IMPORT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->xlsx);
  g_clear_object (&self->item);
  g_clear_pointer (&self->schema, gk_schema_unref);
  g_clear_pointer (&self->sheet_names, g_strfreev);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->column_targets, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_hash_table_unref);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (gk_import_parent_class)->finalize (object);
}

static void
gk_import_class_init (GkImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_import_finalize;
}

static void
gk_import_init (GkImport *self)
{
  self->header_row = 1;
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->column_targets = g_ptr_array_new_with_free_func (g_free);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_row_free);
  self->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Reading */

static gboolean
read_rows (GkImport        *self,
           GkTableRowFunc   func,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  if (self->xlsx != NULL)
    return gk_xlsx_reader_read_sheet (self->xlsx, self->sheet, func, user_data, error);
  return gk_csv_read_file (self->file, func, user_data, cancellable, error);
}

static gboolean
collect_head_cb (guint          number,
                 const GkCell  *cells,
                 guint          n_cells,
                 gpointer       user_data,
                 GError       **error)
{
  GkImport *self = user_data;

  if (number == self->header_row)
    {
      for (guint i = 0; i < n_cells; i++)
        {
          g_autofree char *text = g_strdup (cells[i].text != NULL ? cells[i].text : "");

          g_ptr_array_add (self->headers, g_strdup (g_strstrip (text)));
        }
    }
  else if (number > self->header_row)
    {
      PreviewRow *row = g_new0 (PreviewRow, 1);

      row->number = number;
      row->n_cells = n_cells;
      row->cells = g_new0 (GkCell, n_cells);
      for (guint i = 0; i < n_cells; i++)
        row->cells[i] = (GkCell) { cells[i].kind, g_strdup (cells[i].text) };
      g_ptr_array_add (self->preview, row);
    }
  return self->preview->len < N_PREVIEW_ROWS;
}

/* Header text as compared: widths folded, spaces, asterisks and colons
 * dropped; and the same without what brackets hold ("金额（万元）"). */
static char *
normalize_header (const char *text,
                  gboolean    drop_brackets)
{
  g_autofree char *folded = gk_fold_full_width (text);
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[' || c == 0x3010 /* 【 */)
        depth++;
      if (!(drop_brackets && depth > 0) && !g_unichar_isspace (c) && c != '*' && c != ':')
        g_string_append_unichar (out, g_unichar_tolower (c));
      if ((c == ')' || c == ']' || c == 0x3011 /* 】 */) && depth > 0)
        depth--;
    }
  return g_string_free (out, FALSE);
}

/* How well header @header names @label: 4 the same, 3 the same without
 * brackets, 1 one holding the other; 0 not at all. */
static int
match_score (const char *header,
             const char *label)
{
  g_autofree char *h = normalize_header (header, FALSE);
  g_autofree char *l = normalize_header (label, FALSE);
  g_autofree char *hb = NULL;
  g_autofree char *lb = NULL;

  if (*h == '\0' || *l == '\0')
    return 0;
  if (strcmp (h, l) == 0)
    return 4;
  hb = normalize_header (header, TRUE);
  lb = normalize_header (label, TRUE);
  if (*hb != '\0' && strcmp (hb, lb) == 0)
    return 3;
  if (g_utf8_strlen (hb, -1) >= 2 && g_utf8_strlen (lb, -1) >= 2 &&
      (strstr (hb, lb) != NULL || strstr (lb, hb) != NULL))
    return 1;
  return 0;
}

static int
target_score (GkImport             *self,
              const char           *header,
              const GkImportTarget *target)
{
  int best = match_score (header, target->label);

  for (guint i = 0; i < G_N_ELEMENTS (record_aliases); i++)
    {
      if (strcmp (record_aliases[i].target, target->id) != 0)
        continue;
      for (guint w = 0; record_aliases[i].words[w] != NULL; w++)
        best = MAX (best, match_score (header, record_aliases[i].words[w]));
    }
  return best;
}

typedef struct
{
  guint column;
  guint target;
  int score;
  int length;
} Guess;

static int
compare_guesses (gconstpointer a,
                 gconstpointer b)
{
  const Guess *x = a, *y = b;

  if (x->score != y->score)
    return y->score - x->score;
  if (x->length != y->length)
    return y->length - x->length;
  return (int) x->column - (int) y->column;
}

/* Each column to the target its header names best, the best matches
 * first, each target once. */
static void
guess_mapping (GkImport *self)
{
  g_autoptr(GArray) guesses = g_array_new (FALSE, FALSE, sizeof (Guess));
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (self->targets->len, 1));

  for (guint c = 0; c < self->column_targets->len; c++)
    g_clear_pointer (&self->column_targets->pdata[c], g_free);

  for (guint c = 0; c < self->headers->len; c++)
    for (guint t = 0; t < self->targets->len; t++)
      {
        const GkImportTarget *target = g_ptr_array_index (self->targets, t);
        int score = target_score (self, g_ptr_array_index (self->headers, c), target);

        if (score > 0)
          g_array_append_val (guesses, ((Guess) { c, t, score, (int) strlen (target->label) }));
      }
  g_array_sort (guesses, compare_guesses);

  for (guint i = 0; i < guesses->len; i++)
    {
      Guess *guess = &g_array_index (guesses, Guess, i);
      const GkImportTarget *target = g_ptr_array_index (self->targets, guess->target);

      if (taken[guess->target] || self->column_targets->pdata[guess->column] != NULL)
        continue;
      taken[guess->target] = TRUE;
      self->column_targets->pdata[guess->column] = g_strdup (target->id);
    }
}

static gboolean
load (GkImport  *self,
      GError   **error)
{
  guint n_columns;

  g_ptr_array_set_size (self->headers, 0);
  g_ptr_array_set_size (self->preview, 0);
  g_ptr_array_set_size (self->column_targets, 0);
  if (!read_rows (self, collect_head_cb, self, NULL, error))
    return FALSE;

  n_columns = self->headers->len;
  for (guint i = 0; i < self->preview->len; i++)
    n_columns = MAX (n_columns, ((PreviewRow *) g_ptr_array_index (self->preview, i))->n_cells);
  while (self->headers->len < n_columns)
    g_ptr_array_add (self->headers, g_strdup (""));
  g_ptr_array_set_size (self->column_targets, n_columns);
  guess_mapping (self);
  return TRUE;
}

static gboolean
is_xlsx (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guchar magic[4] = { 0 };

  /* A zip package starts with "PK\3\4", whatever the file is called. */
  return stream != NULL &&
         g_input_stream_read (G_INPUT_STREAM (stream), magic, sizeof magic, NULL, NULL) == sizeof magic &&
         memcmp (magic, "PK\3\4", 4) == 0;
}

GkImport *
gk_import_new (GkStore  *store,
               GFile    *file,
               GError  **error)
{
  g_autoptr(GkImport) self = NULL;

  g_return_val_if_fail (GK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (GK_TYPE_IMPORT, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);

  if (is_xlsx (file))
    {
      self->xlsx = gk_xlsx_reader_new_for_file (file, error);
      if (self->xlsx == NULL)
        return NULL;
      self->sheet_names = g_strdupv ((char **) gk_xlsx_reader_get_sheet_names (self->xlsx));
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      const char *names[] = { name, NULL };

      self->sheet_names = g_strdupv ((char **) names);
    }

  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

GFile *
gk_import_get_file (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);
  return self->file;
}

const char * const *
gk_import_get_sheet_names (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);
  return (const char * const *) self->sheet_names;
}

const char *
gk_import_get_sheet (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);
  return self->sheet_names[self->sheet];
}

gboolean
gk_import_set_sheet (GkImport    *self,
                     const char  *sheet,
                     GError     **error)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), FALSE);

  for (guint i = 0; self->sheet_names[i] != NULL; i++)
    if (g_strcmp0 (self->sheet_names[i], sheet) == 0)
      {
        self->sheet = i;
        return load (self, error);
      }
  g_set_error (error, GK_TABLE_ERROR, GK_TABLE_ERROR_NO_SHEET, _("The workbook has no sheet “%s”"), sheet);
  return FALSE;
}

guint
gk_import_get_header_row (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), 0);
  return self->header_row;
}

gboolean
gk_import_set_header_row (GkImport  *self,
                          guint      row,
                          GError   **error)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), FALSE);

  if (row < 1 || row > GK_TABLE_MAX_ROWS)
    {
      g_set_error (error, GK_TABLE_ERROR, GK_TABLE_ERROR_TOO_LARGE,
                   _("The header row is a row of the sheet, from 1 to %d"), GK_TABLE_MAX_ROWS);
      return FALSE;
    }
  self->header_row = row;
  return load (self, error);
}

const char *
gk_import_get_item_key (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);
  return self->item != NULL ? gk_item_get_key (self->item) : NULL;
}

static void
add_target (GkImport    *self,
            const char  *id,
            const char  *label,
            GkFieldKind  kind)
{
  GkImportTarget *target = g_new0 (GkImportTarget, 1);

  target->id = g_strdup (id);
  target->label = g_strdup (label);
  target->kind = kind;
  g_ptr_array_add (self->targets, target);
}

gboolean
gk_import_set_item (GkImport    *self,
                    const char  *item_key,
                    GError     **error)
{
  g_autoptr(GkItem) item = NULL;
  g_autoptr(GkSchema) schema = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_IMPORT (self), FALSE);

  item = gk_store_get_item (self->store, item_key, error);
  if (item == NULL)
    return FALSE;
  if (gk_item_get_retired (item))
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("The catalog item “%s” is retired: no new records"), gk_item_get_level2 (item));
      return FALSE;
    }
  schema = gk_store_get_item_schema (self->store, gk_item_get_id (item), error);
  if (schema == NULL)
    return FALSE;
  self->default_unit = gk_store_find_item_unit (self->store, item, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_set_object (&self->item, item);
  g_clear_pointer (&self->schema, gk_schema_unref);
  self->schema = g_steal_pointer (&schema);
  g_clear_pointer (&self->key, g_free);

  g_ptr_array_set_size (self->targets, 0);
  add_target (self, GK_IMPORT_TITLE, _("Title"), GK_FIELD_TEXT);
  add_target (self, GK_IMPORT_DOC_NO, _("Document Number"), GK_FIELD_TEXT);
  add_target (self, GK_IMPORT_FORMED_ON, _("Formed or Changed On"), GK_FIELD_DATE);
  add_target (self, GK_IMPORT_UNIT, _("Responsible Unit"), GK_FIELD_TEXT);
  add_target (self, GK_IMPORT_BODY, _("Summary"), GK_FIELD_LONGTEXT);
  for (guint i = 0; i < gk_schema_get_n_fields (self->schema); i++)
    {
      const GkField *field = gk_schema_get_field (self->schema, i);

      if (!field->retired && field->kind != GK_FIELD_TABLE)
        add_target (self, field->id, field->label, field->kind);
    }

  guess_mapping (self);
  return TRUE;
}

GPtrArray *
gk_import_get_targets (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);
  return self->targets;
}

guint
gk_import_get_n_columns (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), 0);
  return self->headers->len;
}

const char *
gk_import_get_column_header (GkImport *self,
                             guint     column)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);
  return g_ptr_array_index (self->headers, column);
}

const char *
gk_import_get_column_target (GkImport *self,
                             guint     column)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->column_targets->len, NULL);
  return g_ptr_array_index (self->column_targets, column);
}

static const GkImportTarget *
find_target (GkImport   *self,
             const char *id_or_label)
{
  g_autofree char *wanted = normalize_header (id_or_label, FALSE);

  for (guint i = 0; i < self->targets->len; i++)
    {
      const GkImportTarget *target = g_ptr_array_index (self->targets, i);

      if (strcmp (target->id, id_or_label) == 0 ||
          (target->id[0] == ':' && strcmp (target->id + 1, id_or_label) == 0))
        return target;
    }
  for (guint i = 0; i < self->targets->len; i++)
    {
      const GkImportTarget *target = g_ptr_array_index (self->targets, i);
      g_autofree char *label = normalize_header (target->label, FALSE);

      if (strcmp (label, wanted) == 0)
        return target;
    }
  /* The Chinese words for the fields every record has, whatever the
   * language the labels are shown in. */
  for (guint i = 0; i < G_N_ELEMENTS (record_aliases); i++)
    for (guint w = 0; record_aliases[i].words[w] != NULL; w++)
      if (strcmp (record_aliases[i].words[w], wanted) == 0)
        return find_target (self, record_aliases[i].target);
  return NULL;
}

void
gk_import_set_column_target (GkImport   *self,
                             guint       column,
                             const char *target)
{
  g_return_if_fail (GK_IS_IMPORT (self));
  g_return_if_fail (column < self->column_targets->len);

  for (guint c = 0; target != NULL && c < self->column_targets->len; c++)
    if (g_strcmp0 (self->column_targets->pdata[c], target) == 0)
      g_clear_pointer (&self->column_targets->pdata[c], g_free);
  g_free (self->column_targets->pdata[column]);
  self->column_targets->pdata[column] = g_strdup (target);
}

/* A column by its letter ("C") or its header text. */
static int
find_column (GkImport   *self,
             const char *name)
{
  g_autofree char *wanted = normalize_header (name, FALSE);
  const char *end;
  int column;

  for (guint c = 0; c < self->headers->len; c++)
    {
      g_autofree char *header = normalize_header (g_ptr_array_index (self->headers, c), FALSE);

      if (*header != '\0' && strcmp (header, wanted) == 0)
        return (int) c;
    }
  column = gk_table_column_from_ref (name, &end);
  if (column >= 0 && end != name && *end == '\0' && (guint) column < self->headers->len)
    return column;
  return -1;
}

gboolean
gk_import_set_map (GkImport    *self,
                   const char  *map,
                   GError     **error)
{
  g_auto(GStrv) pairs = NULL;

  g_return_val_if_fail (GK_IS_IMPORT (self), FALSE);

  if (self->item == NULL)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("Choose the catalog item first"));
      return FALSE;
    }
  pairs = g_strsplit (map, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_autofree char *pair = g_strstrip (g_strdup (pairs[i]));
      char *equals = strchr (pair, '=');
      const GkImportTarget *target = NULL;
      int column;

      if (*pair == '\0')
        continue;
      if (equals == NULL)
        {
          g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("“%s” is not COLUMN=FIELD"), pair);
          return FALSE;
        }
      *equals = '\0';
      g_strstrip (pair);
      g_strstrip (equals + 1);
      column = find_column (self, pair);
      if (column < 0)
        {
          g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The sheet has no column “%s”"), pair);
          return FALSE;
        }
      /* An empty field, or "-", leaves the column out. */
      if (equals[1] != '\0' && strcmp (equals + 1, "-") != 0)
        {
          target = find_target (self, equals + 1);
          if (target == NULL)
            {
              g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("The catalog item “%s” has no field “%s”"), gk_item_get_level2 (self->item), equals + 1);
              return FALSE;
            }
        }
      gk_import_set_column_target (self, (guint) column, target != NULL ? target->id : NULL);
    }
  return TRUE;
}

const char *
gk_import_get_key (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);
  return self->key;
}

gboolean
gk_import_set_key (GkImport    *self,
                   const char  *target,
                   GError     **error)
{
  const GkImportTarget *found = NULL;

  g_return_val_if_fail (GK_IS_IMPORT (self), FALSE);

  if (target != NULL && *target != '\0')
    {
      found = self->item != NULL ? find_target (self, target) : NULL;
      if (found == NULL)
        {
          g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("No field “%s” to tell rows apart by"), target);
          return FALSE;
        }
    }
  g_free (self->key);
  self->key = found != NULL ? g_strdup (found->id) : NULL;
  return TRUE;
}

gboolean
gk_import_get_skip_bad_rows (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), FALSE);
  return self->skip_bad_rows;
}

void
gk_import_set_skip_bad_rows (GkImport *self,
                             gboolean  skip)
{
  g_return_if_fail (GK_IS_IMPORT (self));
  self->skip_bad_rows = skip;
}

/* Rows into records */

typedef struct
{
  GkRecord *record;
  GString *key;             /* the key column's value, or every value */
  GStrv shown;              /* one per column, as stored (preview) */
  GPtrArray *problems;
  guint n_problems;
  gboolean blank;
} RowOutcome;

static void
add_problem (GkImport   *self,
             RowOutcome *out,
             guint       number,
             int         column,
             const char *value,
             const char *message)
{
  GkImportProblem *problem;

  out->n_problems++;
  if (out->problems == NULL || out->problems->len >= GK_IMPORT_MAX_PROBLEMS)
    return;
  problem = g_new0 (GkImportProblem, 1);
  problem->sheet = g_strdup (self->sheet_names[self->sheet]);
  problem->row = number;
  problem->column = column;
  problem->header = column >= 0 ? g_strdup (g_ptr_array_index (self->headers, column)) : NULL;
  problem->value = g_strdup (value);
  problem->message = g_strdup (message);
  g_ptr_array_add (out->problems, problem);
}

/* An Excel day number in a date column: a workbook's date cell without a
 * date format, or a CSV saved from one. */
static char *
serial_to_date_text (const GkCell *cell)
{
  char *end;
  double serial;

  if (cell->kind != GK_CELL_NUMBER && cell->kind != GK_CELL_TEXT)
    return NULL;
  serial = g_ascii_strtod (cell->text, &end);
  /* Five digits: 20250307 is a date written out, and gk_date_parse() takes it. */
  if (*end != '\0' || end == cell->text || serial < 1 || serial >= 100000 ||
      (cell->kind == GK_CELL_TEXT && strchr (cell->text, '.') != NULL))
    return NULL;
  return gk_xlsx_serial_to_iso (serial, FALSE);
}

/* The text to give the editor's parser for @cell under @header. */
static char *
prepare_text (const GkCell *cell,
              GkFieldKind   kind,
              const char   *header)
{
  if (cell->kind == GK_CELL_EMPTY)
    return g_strdup ("");
  if (kind == GK_FIELD_DATE || kind == GK_FIELD_DATETIME)
    {
      char *iso = serial_to_date_text (cell);

      if (iso != NULL)
        return iso;
    }
  if (kind == GK_FIELD_MONEY && cell->kind == GK_CELL_NUMBER)
    {
      g_autofree char *plain = NULL;
      char *end;
      double value = g_ascii_strtod (cell->text, &end);

      /* A double's digits past the 分 ("1234.5600000001") are the
       * spreadsheet's arithmetic, not the clerk's. */
      if (strpbrk (cell->text, "eE") != NULL || (strchr (cell->text, '.') != NULL && strlen (strchr (cell->text, '.')) > 7))
        plain = g_strdup_printf ("%.6f", value);
      else
        plain = g_strdup (cell->text);
      if (strchr (plain, '.') != NULL)
        {
          /* Trailing zeros of the printed double are no decimals. */
          char *last = plain + strlen (plain) - 1;

          while (*last == '0')
            *last-- = '\0';
          if (*last == '.')
            *last = '\0';
        }
      /* 万元 in the header: the column's plain numbers are in 万. */
      if (header != NULL && strstr (header, "万") != NULL)
        return g_strconcat (plain, "万", NULL);
      return g_steal_pointer (&plain);
    }
  if (kind == GK_FIELD_MONEY && header != NULL && strstr (header, "万") != NULL &&
      strstr (cell->text, "万") == NULL && strstr (cell->text, "元") == NULL)
    return g_strconcat (cell->text, "万", NULL);
  return g_strdup (cell->text);
}

static gint64
lookup_unit (GkImport    *self,
             const char  *name,
             GError     **error)
{
  gpointer id;

  if (g_hash_table_lookup_extended (self->units, name, NULL, &id))
    return GPOINTER_TO_SIZE (id);
  id = GSIZE_TO_POINTER (gk_store_find_unit (self->store, name, error));
  g_hash_table_insert (self->units, g_strdup (name), id);
  return GPOINTER_TO_SIZE (id);
}

/* Converts row @number into out->record, its key and (when out->shown is
 * set) its values as stored. FALSE only when the ledger fails. */
static gboolean
convert_row (GkImport      *self,
             guint          number,
             const GkCell  *cells,
             guint          n_cells,
             RowOutcome    *out,
             GError       **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autofree char *today = NULL;
  static const GkCell empty = { GK_CELL_EMPTY, NULL };
  GString *row_text = g_string_new (NULL);
  const char *key_text = NULL;

  out->record = gk_record_new ();
  out->blank = TRUE;
  gk_record_set_item_id (out->record, gk_item_get_id (self->item));
  gk_record_set_title (out->record, gk_item_get_level2 (self->item));
  gk_record_set_unit_id (out->record, self->default_unit);

  for (guint c = 0; c < self->column_targets->len; c++)
    {
      const char *target = g_ptr_array_index (self->column_targets, c);
      const char *header = g_ptr_array_index (self->headers, c);
      const GkCell *cell = c < n_cells ? &cells[c] : &empty;
      g_autoptr(GkValidation) check = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;
      const GkField *field;

      if (target == NULL)
        continue;
      if (cell->kind != GK_CELL_EMPTY)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (cell->text));

          if (*trimmed != '\0')
            out->blank = FALSE;
        }
      g_string_append_printf (row_text, "%s\x1f%s\x1e", target, cell->text != NULL ? cell->text : "");

      if (target[0] == ':')
        {
          g_autoptr(GkValidation) trimmed = gk_validate_required (cell->text != NULL ? cell->text : "");
          const char *t = trimmed->normalized;

          if (strcmp (target, GK_IMPORT_FORMED_ON) == 0 && *t != '\0')
            {
              g_autoptr(GError) date_error = NULL;

              text = serial_to_date_text (cell);
              if (text == NULL)
                text = gk_date_parse_to_iso (t, &date_error);
              if (text == NULL)
                add_problem (self, out, number, (int) c, cell->text, date_error->message);
              else
                gk_record_set_formed_on (out->record, text);
            }
          else if (strcmp (target, GK_IMPORT_UNIT) == 0 && *t != '\0')
            {
              GError *local_error = NULL;
              gint64 unit = lookup_unit (self, t, &local_error);

              if (local_error != NULL)
                {
                  g_propagate_error (error, local_error);
                  g_string_free (row_text, TRUE);
                  return FALSE;
                }
              if (unit == 0)
                {
                  g_autofree char *message = g_strdup_printf (_("The ledger has no unit “%s”: add it in Preferences first"), t);

                  add_problem (self, out, number, (int) c, cell->text, message);
                }
              else
                gk_record_set_unit_id (out->record, unit);
            }
          else if (strcmp (target, GK_IMPORT_TITLE) == 0 && *t != '\0')
            gk_record_set_title (out->record, t);
          else if (strcmp (target, GK_IMPORT_DOC_NO) == 0)
            gk_record_set_doc_no (out->record, t);
          else if (strcmp (target, GK_IMPORT_BODY) == 0)
            gk_record_set_body (out->record, t);
          if (text == NULL)
            text = g_strdup (t);

          if (out->shown != NULL)
            out->shown[c] = g_strdup (text);
          if (g_strcmp0 (self->key, target) == 0 && *text != '\0')
            {
              g_string_assign (out->key, "key:");
              g_string_append (out->key, text);
              key_text = out->key->str;
            }
          continue;
        }

      field = gk_schema_lookup_field (self->schema, target);
      if (field == NULL)
        continue;
      text = prepare_text (cell, field->kind, header);
      check = gk_field_parse_text (field, text, &node);
      if (check->severity == GK_SEVERITY_ERROR)
        add_problem (self, out, number, (int) c, cell->text, check->message);
      else if (node != NULL)
        json_object_set_member (values, field->id, g_steal_pointer (&node));
      if (out->shown != NULL)
        out->shown[c] = g_strdup (check->normalized != NULL ? check->normalized : "");
      if (g_strcmp0 (self->key, target) == 0 && check->normalized != NULL && *check->normalized != '\0')
        {
          g_string_assign (out->key, "key:");
          g_string_append (out->key, check->normalized);
          key_text = out->key->str;
        }
    }

  if (gk_record_get_formed_on (out->record) == NULL)
    {
      today = gk_today ();
      gk_record_set_formed_on (out->record, today);
    }
  gk_record_set_values (out->record, values);

  /* No key value: the row's content is its key. */
  if (key_text == NULL)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, row_text->str, row_text->len);

      g_string_assign (out->key, "row:");
      g_string_append (out->key, hash);
    }
  g_string_free (row_text, TRUE);
  return TRUE;
}

static void
row_outcome_clear (RowOutcome *out)
{
  g_clear_object (&out->record);
}

guint
gk_import_get_n_preview_rows (GkImport *self)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), 0);
  return self->preview->len;
}

guint
gk_import_get_preview_row_number (GkImport *self,
                                  guint     index)
{
  g_return_val_if_fail (GK_IS_IMPORT (self), 0);
  g_return_val_if_fail (index < self->preview->len, 0);
  return ((PreviewRow *) g_ptr_array_index (self->preview, index))->number;
}

GStrv
gk_import_dup_preview_row (GkImport  *self,
                           guint      index,
                           GPtrArray *problems)
{
  PreviewRow *row;
  RowOutcome out = { 0 };
  g_autoptr(GString) key = g_string_new (NULL);

  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->preview->len, NULL);

  row = g_ptr_array_index (self->preview, index);
  out.shown = g_new0 (char *, self->column_targets->len + 1);
  out.key = key;
  out.problems = problems;
  if (self->item != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!convert_row (self, row->number, row->cells, row->n_cells, &out, &error))
        g_warning ("The preview could not look up a unit: %s", error->message);
    }
  row_outcome_clear (&out);
  return out.shown;
}

/* Running */

typedef struct
{
  GkImport *self;
  GkImportResult *result;
  gint64 batch_id;
  gboolean failed;          /* a bad row without skipping: nothing will be imported */
  GString *key;
  GCancellable *cancellable;
} RunState;

static gboolean
import_row_cb (guint          number,
               const GkCell  *cells,
               guint          n_cells,
               gpointer       user_data,
               GError       **error)
{
  RunState *run = user_data;
  GkImport *self = run->self;
  RowOutcome out = { .key = run->key, .problems = run->result->problems };
  gboolean found = FALSE;
  gboolean ok = FALSE;

  if (number <= self->header_row)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  if (!convert_row (self, number, cells, n_cells, &out, error))
    goto out;
  ok = TRUE;
  if (out.blank)
    goto out;
  run->result->n_rows++;
  run->result->n_problems += out.n_problems;
  if (out.n_problems > 0)
    {
      if (self->skip_bad_rows)
        g_array_append_val (run->result->skipped_rows, number);
      else
        run->failed = TRUE;
      goto out;
    }
  if (run->failed)
    goto out;

  if (!gk_store_has_import_row (self->store, gk_item_get_id (self->item), run->key->str, &found, error))
    {
      ok = FALSE;
      goto out;
    }
  if (found)
    {
      run->result->n_duplicates++;
      goto out;
    }
  if (!gk_store_insert_record (self->store, out.record, TRUE, error) ||
      !gk_store_add_import_row (self->store, run->batch_id, out.record, run->key->str, error))
    {
      ok = FALSE;
      goto out;
    }
  run->result->n_imported++;

out:
  row_outcome_clear (&out);
  return ok;
}

GkImportResult *
gk_import_run (GkImport      *self,
               gboolean       dry_run,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GkImportResult) result = g_new0 (GkImportResult, 1);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *file_name = NULL;
  GkDb *db;
  RunState run = { .self = self, .key = key, .cancellable = cancellable };

  g_return_val_if_fail (GK_IS_IMPORT (self), NULL);

  if (self->item == NULL)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("Choose the catalog item first"));
      return NULL;
    }

  result->skipped_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_import_problem_free);
  run.result = result;

  db = gk_store_get_db (self->store);
  if (!gk_db_begin (db, error))
    return NULL;
  gk_store_defer_indexing (self->store);
  file_name = g_file_get_basename (self->file);
  run.batch_id = gk_store_add_import_batch (self->store, gk_item_get_id (self->item), file_name,
                                            self->xlsx != NULL ? self->sheet_names[self->sheet] : "", error);
  if (run.batch_id == 0 || !read_rows (self, import_row_cb, &run, cancellable, error))
    {
      gk_store_cancel_indexing (self->store);
      gk_db_rollback (db);
      return NULL;
    }

  /* All or nothing: a bad row undoes the rows before it; a dry run and
   * an import that adds nothing leave no batch behind. */
  if (run.failed || dry_run || result->n_imported == 0)
    {
      gk_store_cancel_indexing (self->store);
      gk_db_rollback (db);
      if (!dry_run)
        result->n_imported = 0;
      return g_steal_pointer (&result);
    }
  if (!gk_store_flush_indexing (self->store, error))
    {
      gk_db_rollback (db);
      return NULL;
    }
  if (!gk_db_commit (db, error))
    return NULL;
  result->batch_id = run.batch_id;
  gk_store_emit_records_changed (self->store);
  return g_steal_pointer (&result);
}
