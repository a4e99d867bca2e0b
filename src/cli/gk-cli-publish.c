/* gk-cli-publish.c: `gongkai-cli publish`, the publication bundle written to a folder or a zip file. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-bundle.h"
#include "gk-cli.h"
#include "gk-store.h"
#include "gk-date.h"

#define COMMAND "publish"

static void
print_summary (const GkBundleSummary *summary,
               gboolean               dry_run)
{
  guint n_held = 0;

  g_print (dry_run ? _("Would publish %u records on %u pages, with %u attachments.\n")
                   : _("Published %u records on %u pages, with %u attachments.\n"),
           summary->n_records, summary->n_pages, summary->n_attachments);
  if (!dry_run)
    g_print (_("%u files in the bundle: %u written, %u unchanged, %u removed.\n"),
             summary->n_files, summary->n_written, summary->n_files - summary->n_written, summary->n_removed);

  if (summary->n_held_attachments > 0)
    {
      g_print (_("Attachments held back: %u (files the bundle cannot read for ID and mobile numbers, "
                 "in records that name people)\n"), summary->n_held_attachments);
      for (guint i = 0; dry_run && summary->held_attachments != NULL && i < summary->held_attachments->len; i++)
        {
          const GkBundleHeld *held = g_ptr_array_index (summary->held_attachments, i);

          g_print ("  %s\t%s\t%s\n", held->index_no, held->item_name, held->title);
        }
    }

  for (guint hold = 1; hold < GK_BUNDLE_N_HOLDS; hold++)
    n_held += summary->n_held[hold];
  if (n_held == 0)
    {
      g_print (_("Nothing is held back.\n"));
      return;
    }

  g_print (_("Held back: %u records\n"), n_held);
  for (guint hold = 1; hold < GK_BUNDLE_N_HOLDS; hold++)
    if (summary->n_held[hold] > 0)
      g_print ("  %-16s %6u  %s\n", gk_bundle_hold_to_key (hold), summary->n_held[hold],
               gk_bundle_hold_to_label (hold));
  if (dry_run)
    for (guint i = 0; i < summary->held->len; i++)
      {
        const GkBundleHeld *held = g_ptr_array_index (summary->held, i);

        g_print ("  %s\t%s\t%s\t%s\n", held->index_no, gk_bundle_hold_to_key (held->hold),
                 held->item_name, held->title);
      }
}

/* The staging folder of a zip holds only what the bundle wrote. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
gk_cli_publish (GkCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkBundleSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  int status = GK_CLI_EXIT_OK;
  g_autofree char *output = NULL;
  g_autofree char *today = NULL;
  g_autofree char *ocid_prefix = NULL;
  g_autofree char *staging = NULL;
  gboolean dry_run = FALSE;
  gboolean zip;
  GkBundleOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the bundle into the folder DIR, or into DIR as a zip file when it ends in .zip"), N_("DIR") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Write nothing; count what would be published and list what is held back and why"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Decide publicity and blacklist periods as of DATE (default: today)"), N_("DATE") },
    { "ocid-prefix", 0, 0, G_OPTION_ARG_STRING, &ocid_prefix, N_("Begin each OCDS ocid with PREFIX (default: ocds-gongkai-)"), N_("PREFIX") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Write the publication bundle: a static site of the published records\n"
                                           "(pages, attachments, catalog, blacklist, guide) and open data\n"
                                           "(records.json, records.csv, feed.atom, an OCDS release package).\n"
                                           "Drafts, pending, withdrawn and exempt records, applications and review\n"
                                           "cases are never published; ID and mobile numbers are masked."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error (COMMAND, _("unexpected argument “%s”"), argv[1]);
  if (output == NULL && !dry_run)
    return gk_cli_usage_error (COMMAND, _("say where to write the bundle with -o DIR, or use --dry-run"));
  if (today != NULL && !gk_date_from_iso (today, NULL, NULL))
    return gk_cli_usage_error (COMMAND, _("--today takes a date as YYYY-MM-DD"));

  /* Publishing only reads the ledger. */
  store = gk_cli_open_store_read_only (ctx, &status);
  if (store == NULL)
    return status;
  options.today = today;
  options.ocid_prefix = ocid_prefix;

  if (dry_run)
    {
      summary = gk_bundle_plan (store, &options, &error);
      if (summary == NULL)
        return gk_cli_failure (error);
      print_summary (summary, TRUE);
      return GK_CLI_EXIT_OK;
    }

  zip = g_str_has_suffix (output, ".zip");
  if (zip)
    {
      staging = g_dir_make_tmp ("gongkai-bundle-XXXXXX", &error);
      if (staging == NULL)
        return gk_cli_failure (error);
    }
  summary = gk_bundle_publish (store, &options, zip ? staging : output, NULL, NULL, NULL, &error);
  if (summary != NULL && zip && !gk_bundle_write_zip (staging, output, &error))
    g_clear_pointer (&summary, gk_bundle_summary_free);
  if (staging != NULL)
    remove_tree (staging);
  if (summary == NULL)
    return gk_cli_failure (error);
  print_summary (summary, FALSE);
  return GK_CLI_EXIT_OK;
}
