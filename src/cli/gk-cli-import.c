/* gk-cli-import.c: gongkai-cli import-table, imports and import-undo: spreadsheets into records, in batches that can be undone. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-cli.h"
#include "gk-import.h"

static void
print_mapping (GkImport *import)
{
  GPtrArray *targets = gk_import_get_targets (import);

  for (guint c = 0; c < gk_import_get_n_columns (import); c++)
    {
      const char *target = gk_import_get_column_target (import, c);
      g_autofree char *column = gk_table_column_name (c);
      const char *label = _("(not imported)");

      for (guint t = 0; target != NULL && t < targets->len; t++)
        {
          GkImportTarget *candidate = g_ptr_array_index (targets, t);

          if (g_strcmp0 (candidate->id, target) == 0)
            label = candidate->label;
        }
      g_print ("%s\t%s\t%s\n", column, gk_import_get_column_header (import, c), label);
    }
}

int
gk_cli_import_table (GkCliContext  *ctx,
                     int            argc,
                     char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkImport) import = NULL;
  g_autoptr(GkImportResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *item = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *map = NULL;
  g_autofree char *key = NULL;
  int header_row = 1;
  gboolean skip_bad_rows = FALSE;
  gboolean dry_run = FALSE;
  int status = GK_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_STRING, &item, N_("Import into records of the catalog item KEY (required)"), N_("KEY") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("Read the sheet NAME of a workbook (default: the first)"), N_("NAME") },
    { "header-row", 0, 0, G_OPTION_ARG_INT, &header_row, N_("The column headers are in row N (default 1); data follows"), N_("N") },
    { "map", 0, 0, G_OPTION_ARG_STRING, &map, N_("Map columns to fields: “COLUMN=FIELD,…”, a column by header or letter, a field by id or label; FIELD “-” leaves a column out"), N_("MAP") },
    { "key", 0, 0, G_OPTION_ARG_STRING, &key, N_("Tell rows apart by FIELD (e.g. doc_no): a row whose value was imported before is left out; default: the whole row"), N_("FIELD") },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad_rows, N_("Import the good rows and list the bad ones, instead of importing nothing"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check every row and print the mapping, but import nothing"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Import the rows of a spreadsheet (.xlsx, or .csv in UTF-8 or GBK) as records of\n"
                                           "one catalog item, all or nothing, as one batch that “import-undo” removes.\n"
                                           "Columns go to the fields their headers name unless --map says otherwise.\n"
                                           "Field ids besides the item's: :title, :doc_no, :formed_on, :unit, :body."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc != 2)
    return gk_cli_usage_error ("import-table", _("give one file to import"));
  if (item == NULL)
    return gk_cli_usage_error ("import-table", _("--item is required"));
  if (header_row < 1)
    return gk_cli_usage_error ("import-table", _("--header-row takes a row number from 1"));

  store = gk_cli_open_store (ctx, TRUE, &status);
  if (store == NULL)
    return status;
  /* Imported records are given 索引号, which begin with the organisation's code. */
  if (!dry_run)
    {
      g_autofree char *code = NULL;

      if (!gk_store_get_organisation (store, NULL, &code, &error))
        return gk_cli_failure (error);
      if (*code == '\0')
        {
          g_printerr (_("gongkai-cli import-table: the ledger has no organisation code for its index numbers yet; "
                        "set it first with “gongkai-cli setup --name NAME --code CODE”\n"));
          return GK_CLI_EXIT_FAILURE;
        }
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  import = gk_import_new (store, file, &error);
  if (import == NULL ||
      (sheet != NULL && !gk_import_set_sheet (import, sheet, &error)) ||
      (header_row != 1 && !gk_import_set_header_row (import, (guint) header_row, &error)) ||
      !gk_import_set_item (import, item, &error) ||
      (map != NULL && !gk_import_set_map (import, map, &error)) ||
      (key != NULL && !gk_import_set_key (import, key, &error)))
    return gk_cli_failure (error);
  gk_import_set_skip_bad_rows (import, skip_bad_rows);

  if (dry_run)
    print_mapping (import);

  result = gk_import_run (import, dry_run, NULL, &error);
  if (result == NULL)
    return gk_cli_failure (error);

  for (guint i = 0; i < result->problems->len; i++)
    {
      g_autofree char *line = gk_import_problem_format (g_ptr_array_index (result->problems, i));

      g_printerr ("%s\n", line);
    }
  if (result->n_problems > result->problems->len)
    g_printerr (_("… and %u problems more\n"), result->n_problems - result->problems->len);

  if (result->skipped_rows->len > 0)
    {
      g_autoptr(GString) rows = g_string_new (NULL);

      for (guint i = 0; i < result->skipped_rows->len; i++)
        g_string_append_printf (rows, "%s%u", i > 0 ? ", " : "", g_array_index (result->skipped_rows, guint, i));
      g_print (_("Skipped rows: %s\n"), rows->str);
    }

  if (result->n_problems > 0 && !skip_bad_rows)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "Nothing was imported: %u problem\n", "Nothing was imported: %u problems\n",
                               result->n_problems),
                  result->n_problems);
      return GK_CLI_EXIT_FAILURE;
    }

  if (dry_run)
    g_print (_("Would import %u records; %u rows were imported before\n"), result->n_imported, result->n_duplicates);
  else if (result->batch_id != 0)
    g_print (_("Imported %u records as batch %lld; %u rows were imported before\n"),
             result->n_imported, (long long) result->batch_id, result->n_duplicates);
  else
    g_print (_("Nothing new to import; %u rows were imported before\n"), result->n_duplicates);
  return GK_CLI_EXIT_OK;
}

int
gk_cli_imports (GkCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  int status = GK_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("List the spreadsheet imports, with the records each still has."));
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error ("imports", _("unexpected argument “%s”"), argv[1]);

  store = gk_cli_open_store (ctx, FALSE, &status);
  if (store == NULL)
    return status;
  batches = gk_store_list_import_batches (store, &error);
  if (batches == NULL)
    return gk_cli_failure (error);

  g_print ("batch\timported\trecords\titem\tfile\tsheet\n");
  for (guint i = 0; i < batches->len; i++)
    {
      GkImportBatch *batch = g_ptr_array_index (batches, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", batch->id, batch->imported_at,
               batch->n_records, batch->item_key, batch->file_name, batch->sheet);
    }
  return GK_CLI_EXIT_OK;
}

int
gk_cli_import_undo (GkCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("BATCH"));
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = GK_CLI_EXIT_OK;
  guint n_removed = 0;
  gint64 batch;
  char *end;

  g_option_context_set_summary (context, _("Remove the records the import BATCH (a number “imports” lists) added,\n"
                                           "and the batch, as one step. A record published since keeps them all."));
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc != 2)
    return gk_cli_usage_error ("import-undo", _("give one batch number"));
  batch = g_ascii_strtoll (argv[1], &end, 10);
  if (*end != '\0' || end == argv[1] || batch <= 0)
    return gk_cli_usage_error ("import-undo", _("“%s” is not a batch number"), argv[1]);

  store = gk_cli_open_store (ctx, FALSE, &status);
  if (store == NULL)
    return status;
  if (!gk_store_undo_import_batch (store, batch, &n_removed, &error))
    return gk_cli_failure (error);
  g_print (_("Removed batch %lld and its %u records\n"), (long long) batch, n_removed);
  return GK_CLI_EXIT_OK;
}
