/* test-demo.c: the sample ledger reads as a clerk's real one, field by field. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gk-catalog.h"
#include "gk-core.h"
#include "gk-demo.h"
#include "gk-report-figures.h"
#include "gk-settings.h"
#include "gk-store.h"
#include "gk-test-util.h"
#include "gk-validate.h"

typedef GkTestLedger Fixture;

typedef struct
{
  guint published;
  guint exempt;
  guint cases;
  guint persons;
  guint with_attachments;
} Counts;

static const char *
value (GkRecord   *record,
       const char *id)
{
  return gk_record_get_value_string (record, id);
}

static gboolean
is_valid_idcard (const char *text)
{
  g_autoptr(GkValidation) validation = gk_validate_idcard (text);

  return validation->severity == GK_SEVERITY_OK;
}

/* Text values are values, never their field's label. */
static void
check_labels (GkRecord *record,
              GkItem   *item)
{
  GkSchema *schema = gk_item_get_schema (item);

  for (guint i = 0; schema != NULL && i < gk_schema_get_n_fields (schema); i++)
    {
      const GkField *field = gk_schema_get_field (schema, i);
      const char *text;

      if (field->kind != GK_FIELD_TEXT || (text = value (record, field->id)) == NULL)
        continue;
      if (strstr (text, field->label) != NULL)
        g_error ("%s: %s is “%s”, its own label", gk_record_get_title (record), field->id, text);
    }
}

static void
check_record (GkStore   *store,
              GkCatalog *catalog,
              GkRecord  *record,
              Counts    *counts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkItem) item = gk_store_get_item_by_id (store, gk_record_get_item_id (record), &error);
  g_autoptr(GPtrArray) attachments = NULL;
  const char *text;
  int formed_year = atoi (gk_record_get_formed_on (record));

  g_assert_no_error (error);
  check_labels (record, item);

  /* 计划年度: the year the plan was made, or the next. */
  if ((text = value (record, "plan_year")) != NULL || gk_record_get_value (record, "plan_year") != NULL)
    {
      gint64 year = json_node_get_int (gk_record_get_value (record, "plan_year"));

      g_assert_cmpint (year, >=, formed_year);
      g_assert_cmpint (year, <=, formed_year + 1);
    }

  /* 公告期限 in working days a notice really runs. */
  for (guint i = 0; i < 2; i++)
    if ((text = value (record, i == 0 ? "notice_period" : "announcement_period")) != NULL)
      {
        g_assert_true (strstr (text, "个工作日") != NULL);
        g_assert_cmpint (atoi (g_str_has_prefix (text, "自") ? text + strlen ("自公告发布之日起") : text), <=, 20);
      }

  /* Project names are projects, not companies. */
  if ((text = value (record, "project_name")) != NULL)
    g_assert_false (g_str_has_suffix (text, "公司"));

  /* A natural person has an identity card, not a company's credit code. */
  if (g_strcmp0 (value (record, "subject_category"), "自然人") == 0)
    {
      g_assert_null (value (record, "subject_code"));
      g_assert_true (is_valid_idcard (value (record, "person_id")));
      counts->persons++;
    }
  else if (value (record, "subject_category") != NULL)
    g_assert_null (value (record, "person_id"));
  if (g_strcmp0 (value (record, "applicant_type"), "natural-person") == 0)
    {
      g_assert_true (is_valid_idcard (value (record, "applicant_id")));
      counts->persons++;
    }

  /* A published record was published somewhere, on a day, at an address. */
  if (gk_record_get_published_on (record) != NULL && g_strcmp0 (gk_record_get_domain (record), "request") != 0 &&
      g_strcmp0 (gk_record_get_domain (record), "case") != 0)
    {
      g_autoptr(GPtrArray) channels = gk_store_get_record_channels (store, gk_record_get_uuid (record), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (channels->len, >, 0);
      for (guint i = 0; i < channels->len; i++)
        {
          GkRecordChannel *channel = g_ptr_array_index (channels, i);

          g_assert_nonnull (channel->published_on);
          g_assert_cmpstr (channel->published_on, >=, gk_record_get_published_on (record));
          g_assert_cmpstr (channel->address, !=, "");
        }
      counts->published++;
    }

  /* Exemption grounds are the catalog's. */
  if (g_strcmp0 (gk_record_get_mode (record), GK_MODE_EXEMPT) == 0)
    {
      g_assert_nonnull (gk_catalog_lookup_exemption (catalog, gk_record_get_exemption (record)));
      counts->exempt++;
    }

  /* A case is decided after it was received, or not yet decided. */
  if (value (record, "case_kind") != NULL)
    {
      if (g_strcmp0 (value (record, "result"), "pending") == 0)
        g_assert_null (value (record, "decided_date"));
      else
        g_assert_cmpstr (value (record, "decided_date"), >, value (record, "received_date"));
      counts->cases++;
    }

  /* A notice's deadline lies ahead of it. */
  if (value (record, "response_deadline") != NULL)
    g_assert_cmpstr (value (record, "response_deadline"), >, gk_record_get_formed_on (record));

  /* Ends after starts. */
  if (value (record, "publicity_start") != NULL)
    g_assert_cmpstr (value (record, "publicity_end"), >, value (record, "publicity_start"));
  if (value (record, "period_start") != NULL)
    g_assert_cmpstr (value (record, "period_end"), >, value (record, "period_start"));

  /* What the sample shows as published passes the checks publishing makes. */
  if (g_strcmp0 (gk_record_get_status (record), GK_STATUS_PUBLISHED) == 0)
    {
      g_autoptr(GPtrArray) issues = gk_store_validate_record (store, record, &error);

      g_assert_no_error (error);
      g_ptr_array_extend_and_steal (issues, gk_store_get_deadline_issues (store, record));
      for (guint i = 0; i < issues->len; i++)
        {
          const GkIssue *issue = g_ptr_array_index (issues, i);
          g_autofree char *text = gk_issue_format (issue, gk_item_get_schema (item));

          if (issue->severity == GK_SEVERITY_ERROR)
            g_error ("published “%s” (%s): %s", gk_record_get_title (record), gk_record_get_item_key (record), text);
        }
    }

  attachments = gk_store_list_attachments (store, record, &error);
  g_assert_no_error (error);
  if (attachments->len > 0)
    counts->with_attachments++;
}

static void
test_demo_coherent (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GkCatalog) catalog = gk_catalog_new_default (&error);
  g_autoptr(GkReportFigures) figures = NULL;
  Counts counts = { 0 };

  g_assert_no_error (error);
  g_assert_true (gk_demo_fill (f->store, 400, 3, &error));
  g_assert_no_error (error);

  records = gk_store_query (f->store, query, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 400);
  for (guint i = 0; i < records->len; i++)
    check_record (f->store, catalog, g_ptr_array_index (records, i), &counts);

  /* Each rule above was tried on records it applies to. */
  g_assert_cmpuint (counts.published, >, 100);
  g_assert_cmpuint (counts.exempt, >, 0);
  g_assert_cmpuint (counts.cases, >, 0);
  g_assert_cmpuint (counts.persons, >, 0);
  g_assert_cmpuint (counts.with_attachments, >, 20);

  /* Last year's annual-report figures are filled in. */
  figures = gk_store_get_report_figures (f->store, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpint (figures->licensing_decisions, >, 0);
  g_assert_cmpstr (figures->overview, !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_core_init ();

  g_test_add ("/demo/coherent", Fixture, NULL, gk_test_ledger_set_up, test_demo_coherent, gk_test_ledger_tear_down);

  return g_test_run ();
}
