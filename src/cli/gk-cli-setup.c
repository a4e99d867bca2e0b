/* gk-cli-setup.c: `gongkai-cli setup`, the organisation of a ledger: name, 索引号 code, level. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-cli.h"
#include "gk-plan.h"
#include "gk-store.h"

static void
print_organisation (const char *name,
                    const char *code,
                    const char *level)
{
  /* Tab-separated, one field a line: what scripts read back. */
  g_print ("name\t%s\ncode\t%s\nlevel\t%s\n", name, code, level);
}

int
gk_cli_setup (GkCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *level_name = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *old_code = NULL;
  g_autofree char *level = NULL;
  int status = GK_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The organisation's name"), N_("NAME") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code,
      N_("The code that starts every index number: its unified social credit code or organisation code"), N_("CODE") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_name,
      N_("district (annual report due 31 March) or department (due 31 January, the default)"), N_("LEVEL") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Set up the organisation whose ledger this is. Without options, print it.\n"
                                           "No record can be given an index number (索引号) before the code is set."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error ("setup", _("unexpected argument “%s”"), argv[1]);
  if (level_name != NULL && g_strcmp0 (level_name, GK_ORGANISATION_DISTRICT) != 0 &&
      g_strcmp0 (level_name, GK_ORGANISATION_DEPARTMENT) != 0)
    return gk_cli_usage_error ("setup", _("--level takes “district” or “department”"));

  store = gk_cli_open_store (ctx, name != NULL || code != NULL || level_name != NULL, &status);
  if (store == NULL)
    return status;
  if (!gk_store_get_organisation (store, &old_name, &old_code, &error) ||
      (level = gk_store_dup_organisation_level (store, &error)) == NULL)
    return gk_cli_failure (error);

  if (name == NULL && code == NULL && level_name == NULL)
    {
      print_organisation (old_name, old_code, level);
      return GK_CLI_EXIT_OK;
    }

  /* Either may be changed alone once the ledger is set up. */
  if ((name != NULL || code != NULL) &&
      !gk_store_set_organisation (store, name != NULL ? name : old_name, code != NULL ? code : old_code, &error))
    {
      if (g_error_matches (error, GK_DB_ERROR, GK_DB_ERROR_INVALID))
        return gk_cli_usage_error ("setup", "%s", error->message);
      return gk_cli_failure (error);
    }
  if (level_name != NULL)
    {
      if (!gk_store_set_organisation_level (store, level_name, &error))
        return gk_cli_failure (error);
      g_free (level);
      level = g_strdup (level_name);
    }

  g_clear_pointer (&old_name, g_free);
  g_clear_pointer (&old_code, g_free);
  if (!gk_store_get_organisation (store, &old_name, &old_code, &error))
    return gk_cli_failure (error);
  print_organisation (old_name, old_code, level);
  return GK_CLI_EXIT_OK;
}
