/* gk-cli-demo.c: `gongkai-cli demo`, a realistic sample ledger for trying and benchmarking. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-cli.h"
#include "gk-demo.h"
#include "gk-settings.h"
#include "gk-store.h"

int
gk_cli_demo (GkCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  int status = GK_CLI_EXIT_OK;
  g_autoptr(GError) error = NULL;
  int records = 1000;
  int seed = 1;
  const GOptionEntry entries[] = {
    { "records", 0, 0, G_OPTION_ARG_INT, &records, N_("Add N records (default 1000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Draw them from seed S (default 1): the same seed gives the same ledger"), N_("S") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Fill the ledger with sample records in every domain and catalog item:\n"
                                           "projects with complete and broken chains, every status, exemptions,\n"
                                           "requests with every outcome, blacklist entries, several years."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error ("demo", _("unexpected argument “%s”"), argv[1]);
  if (records < 1 || records > 10000000)
    return gk_cli_usage_error ("demo", _("--records takes a number from 1 to 10000000"));

  store = gk_cli_open_store (ctx, TRUE, &status);
  if (store == NULL)
    return status;

  /* Sample records never go into a ledger set up as a real organisation's. */
  {
    g_autofree char *code = NULL;
    g_autofree char *marked = NULL;

    /* The code first, then the mark: another sample setting up the same new
     * ledger writes both in one transaction, so once its code is seen its
     * mark is too (read the other way round, its code could come between). */
    if (!gk_store_get_organisation (store, NULL, &code, &error))
      return gk_cli_failure (error);
    marked = gk_store_get_setting (store, GK_SAMPLE_LEDGER_KEY, &error);
    if (error != NULL)
      return gk_cli_failure (error);
    if (*code != '\0' && g_strcmp0 (marked, "1") != 0)
      {
        g_printerr (_("gongkai-cli demo: %s is a real ledger, set up for its organisation; "
                      "write the sample into a ledger of its own with --db FILE\n"), ctx->db_path);
        return GK_CLI_EXIT_FAILURE;
      }
  }

  /* The sample is for looking around: its user name says so in the history. */
  gk_store_set_user (store, "demo");
  if (!gk_demo_fill (store, records, (guint32) seed, &error))
    return gk_cli_failure (error);

  g_printerr (ngettext ("Added %d sample record to %s\n", "Added %d sample records to %s\n", records),
              records, ctx->db_path);
  return GK_CLI_EXIT_OK;
}
