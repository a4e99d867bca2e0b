/* make-report-ledger.c: writes the prepared annual-report ledger to a file, for the workbook tests. */
#include "config.h"

#include "gk-core.h"
#include "gk-settings.h"
#include "gk-test-report-ledger.h"
#include "gk-test-util.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkReportFigures) figures = gk_report_figures_new (2024);
  g_autoptr(GError) error = NULL;

  /* The helpers assert as tests do. */
  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    {
      g_printerr ("usage: make-report-ledger FILE\n");
      return 2;
    }
  gk_core_init ();
  store = gk_test_open_store (argv[1]);
  gk_test_report_fill_ledger (store);

  figures->rules_issued = 2;
  figures->rules_in_force = 15;
  figures->normative_issued = 7;
  figures->normative_repealed = 1;
  figures->normative_in_force = 43;
  figures->licensing_decisions = 1250;
  figures->penalty_decisions = 36;
  figures->coercion_decisions = 4;
  figures->fees_fen = 123400;  /* 0.1234 万元 */
  g_free (figures->overview);
  figures->overview = g_strdup ("2024年，本单位认真贯彻落实《中华人民共和国政府信息公开条例》，推进公共资源配置领域政府信息公开。");
  g_free (figures->problems);
  figures->problems = g_strdup ("部分信息公开不够及时。下一步将加强督促检查。");
  if (!gk_store_set_report_figures (store, figures, &error))
    g_error ("%s", error->message);
  return 0;
}
