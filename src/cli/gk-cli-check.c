/* gk-cli-check.c: `gongkai-cli check`, overdue and due-soon records for cron or a systemd timer. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-calendar.h"
#include "gk-cli.h"
#include "gk-deadline.h"
#include "gk-plan.h"
#include "gk-store.h"

#define COMMAND "check"

typedef struct
{
  GkRecord *record;
  GkTimelinessInfo info;
  int missing_year;  /* of the due date or of the count since, 0 when neither was guessed */
  GStrv notes;       /* a request's state and warnings, or why its events cannot be */
} Finding;

static void
finding_free (Finding *finding)
{
  g_object_unref (finding->record);
  g_strfreev (finding->notes);
  g_free (finding);
}

static gboolean
collect (GkStore      *store,
         GkQuery      *query,
         const GDate  *today,
         guint         soon,
         GPtrArray    *findings,
         GError      **error)
{
  guint count = 0;

  if (!gk_store_count (store, query, &count, error))
    return FALSE;

  for (guint offset = 0; offset < count; offset += 500)
    {
      g_autoptr(GPtrArray) page = gk_store_query (store, query, offset, 500, error);

      if (page == NULL)
        return FALSE;

      for (guint i = 0; i < page->len; i++)
        {
          GkRecord *record = g_ptr_array_index (page, i);
          Finding *finding = g_new0 (Finding, 1);
          GDate due;

          gk_date_from_iso (gk_record_get_due_on (record), &due, NULL);
          gk_deadline_get_timeliness (gk_store_get_calendar (store), &due, NULL, today, soon, &finding->info);
          finding->record = g_object_ref (record);
          finding->missing_year = finding->info.missing_year;
          gk_calendar_merge_missing_year (&finding->missing_year, gk_record_get_due_missing_year (record));
          finding->notes = gk_store_describe_request (store, record, today);
          g_ptr_array_add (findings, finding);
        }
    }

  return TRUE;
}

static void
add_text_or_null (JsonBuilder *builder,
                  const char  *text)
{
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

/* States of the lines that are not a record's own deadline. */
static const char *
push_state (const GkCreditPush *push)
{
  return push->info.status == GK_TIMELINESS_OVERDUE ? "push-overdue" : "push-due-soon";
}

static const char *
duty_state (const GkDuty *duty)
{
  return duty->info.status == GK_TIMELINESS_OVERDUE ? "report-overdue" : "report-due";
}

static char *
describe_duty (const GkDuty *duty)
{
  /* Translators: a yearly report and the year it reports on: "Annual Report 2026" */
  return g_strdup_printf (_("%s %d"), gk_duty_kind_to_label (duty->kind), duty->year);
}

static void
print_pushes_tsv (GPtrArray *pushes)
{
  for (guint i = 0; i < pushes->len; i++)
    {
      GkCreditPush *p = g_ptr_array_index (pushes, i);
      g_autofree char *title = g_strdelimit (g_strdup (gk_record_get_title (p->record)), "\t\n\r", ' ');
      const char *unit = gk_record_get_unit_name (p->record);

      g_print ("%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", push_state (p), p->info.workdays, p->due_on,
               gk_record_get_index_no (p->record), unit != NULL ? unit : "", gk_record_get_domain (p->record),
               title, p->info.missing_year,
               /* Translators: the note of a `check` line: where the record must go */
               _("not yet pushed to 信用石家庄"));
    }
}

static void
print_duties_tsv (GPtrArray *duties)
{
  for (guint i = 0; i < duties->len; i++)
    {
      GkDuty *d = g_ptr_array_index (duties, i);
      g_autofree char *title = describe_duty (d);

      g_print ("%s\t%d\t%s\t%s/%d\t\tduty\t%s\t%d\t%s\n", duty_state (d), d->info.workdays, d->due_on,
               gk_duty_kind_to_key (d->kind), d->year, title, d->info.missing_year,
               d->exported_at == NULL ? _("not yet exported") : _("exported, not yet marked submitted"));
    }
}

static void
add_pushes_json (JsonBuilder *builder,
                 GPtrArray   *pushes)
{
  json_builder_set_member_name (builder, "credit_pushes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pushes->len; i++)
    {
      GkCreditPush *p = g_ptr_array_index (pushes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, push_state (p));
      json_builder_set_member_name (builder, "workdays");
      json_builder_add_int_value (builder, p->info.workdays);
      json_builder_set_member_name (builder, "decided_on");
      add_text_or_null (builder, p->start_on);
      json_builder_set_member_name (builder, "push_due_on");
      add_text_or_null (builder, p->due_on);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, gk_record_get_uuid (p->record));
      json_builder_set_member_name (builder, "index_no");
      json_builder_add_string_value (builder, gk_record_get_index_no (p->record));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, gk_record_get_title (p->record));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_duties_json (JsonBuilder *builder,
                 GPtrArray   *duties)
{
  json_builder_set_member_name (builder, "duties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < duties->len; i++)
    {
      GkDuty *d = g_ptr_array_index (duties, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "duty");
      json_builder_add_string_value (builder, gk_duty_kind_to_key (d->kind));
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, d->year);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, duty_state (d));
      json_builder_set_member_name (builder, "due_on");
      json_builder_add_string_value (builder, d->due_on);
      json_builder_set_member_name (builder, "workdays");
      json_builder_add_int_value (builder, d->info.workdays);
      json_builder_set_member_name (builder, "exported_at");
      add_text_or_null (builder, d->exported_at);
      json_builder_set_member_name (builder, "submitted_on");
      add_text_or_null (builder, d->submitted_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

int
gk_cli_check (GkCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  int status = GK_CLI_EXIT_OK;
  g_autoptr(GkQuery) query = gk_query_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *on = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *format = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *soon_text = NULL;
  g_autoptr(GPtrArray) pushes = NULL;
  g_autoptr(GPtrArray) duties = NULL;
  guint n_overdue_pushes = 0;
  guint n_overdue_duties = 0;
  int soon = GK_TIMELINESS_DEFAULT_DUE_SOON_WORKDAYS;
  guint n_overdue = 0;
  gboolean json;
  GDate today, soon_until;
  const GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("Count only the records of the organisation CODE (its index number code), or all (default)"), N_("CODE") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Check as of DATE (YYYY-MM-DD) instead of today"), N_("DATE") },
    { "soon", 0, 0, G_OPTION_ARG_INT, &soon, N_("Report records due within N working days (default 3)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Print the records past their disclosure or reply deadline and those due soon,\n"
                                           "the credit information not yet pushed to 信用石家庄 (push-overdue, push-due-soon)\n"
                                           "and the yearly reports not yet submitted, from December on (report-due, report-overdue).\n"
                                           "Exits with 1 when something is overdue, so a timer can alert."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error (COMMAND, _("unexpected argument “%s”"), argv[1]);
  if (format != NULL && g_strcmp0 (format, "tsv") != 0 && g_strcmp0 (format, "json") != 0)
    return gk_cli_usage_error (COMMAND, _("unknown format “%s” (use tsv or json)"), format);
  if (soon < 0 || soon > 250)
    return gk_cli_usage_error (COMMAND, _("--soon takes a number of working days from 0 to 250"));
  json = g_strcmp0 (format, "json") == 0;

  today_text = on != NULL ? g_strdup (on) : gk_today ();
  if (!gk_date_from_iso (today_text, &today, &error))
    return gk_cli_usage_error (COMMAND, "%s", error->message);
  g_free (today_text);
  today_text = gk_date_format_iso (&today);

  store = gk_cli_open_store (ctx, FALSE, &status);
  if (store == NULL)
    return status;
  if (!gk_cli_set_organisation (store, COMMAND, organisation, &status))
    return status;

  /* Overdue: past due and not published, the most overdue first. */
  query->overdue = TRUE;
  query->today = g_strdup (today_text);
  query->sort = GK_SORT_DUE;
  if (!collect (store, query, &today, soon, findings, &error))
    return gk_cli_failure (error);
  n_overdue = findings->len;

  /* Due soon: from today to the N-th working day after it. */
  gk_calendar_add_workdays (gk_store_get_calendar (store), &today, soon, &soon_until, NULL);
  soon_text = gk_date_format_iso (&soon_until);
  query->overdue = FALSE;
  query->due_from = g_strdup (today_text);
  query->due_to = g_strdup (soon_text);
  if (!collect (store, query, &today, soon, findings, &error))
    return gk_cli_failure (error);

  /* Credit information not yet on 信用石家庄: overdue, or due soon. */
  pushes = gk_store_list_credit_pushes (store, TRUE, today_text, soon, &error);
  if (pushes == NULL)
    return gk_cli_failure (error);
  for (guint i = pushes->len; i-- > 0;)
    {
      GkCreditPush *push = g_ptr_array_index (pushes, i);

      if (push->info.status == GK_TIMELINESS_OVERDUE)
        n_overdue_pushes++;
      else if (push->info.status != GK_TIMELINESS_DUE_SOON)
        g_ptr_array_remove_index (pushes, i);
    }

  /* The yearly reports, from December until exported and submitted. */
  duties = gk_store_list_duties (store, today_text, FALSE, &error);
  if (duties == NULL)
    return gk_cli_failure (error);
  for (guint i = 0; i < duties->len; i++)
    if (((GkDuty *) g_ptr_array_index (duties, i))->info.status == GK_TIMELINESS_OVERDUE)
      n_overdue_duties++;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, today_text);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_int_value (builder, n_overdue);
      json_builder_set_member_name (builder, "due_soon");
      json_builder_add_int_value (builder, findings->len - n_overdue);
      json_builder_set_member_name (builder, "records");
      json_builder_begin_array (builder);
      for (guint i = 0; i < findings->len; i++)
        {
          Finding *f = g_ptr_array_index (findings, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "state");
          json_builder_add_string_value (builder, i < n_overdue ? "overdue" : "due-soon");
          json_builder_set_member_name (builder, "workdays");
          json_builder_add_int_value (builder, f->info.workdays);
          json_builder_set_member_name (builder, "due_on");
          json_builder_add_string_value (builder, gk_record_get_due_on (f->record));
          json_builder_set_member_name (builder, "calendar_missing_year");
          json_builder_add_int_value (builder, f->missing_year);
          json_builder_set_member_name (builder, "notes");
          json_builder_begin_array (builder);
          for (guint n = 0; f->notes[n] != NULL; n++)
            json_builder_add_string_value (builder, f->notes[n]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, gk_record_get_uuid (f->record));
          json_builder_set_member_name (builder, "index_no");
          json_builder_add_string_value (builder, gk_record_get_index_no (f->record));
          json_builder_set_member_name (builder, "domain");
          json_builder_add_string_value (builder, gk_record_get_domain (f->record));
          json_builder_set_member_name (builder, "unit");
          json_builder_add_string_value (builder, gk_record_get_unit_name (f->record) != NULL ? gk_record_get_unit_name (f->record) : "");
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, gk_record_get_title (f->record));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_pushes_json (builder, pushes);
      add_duties_json (builder, duties);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    {
      /* calendar_missing_year: the due date or the count relies on a year
       * without its notice (a guess), else 0. */
      g_print ("state\tworkdays\tdue_on\tindex_no\tunit\tdomain\ttitle\tcalendar_missing_year\tnotes\n");
      for (guint i = 0; i < findings->len; i++)
        {
          Finding *f = g_ptr_array_index (findings, i);
          g_autofree char *title = g_strdelimit (g_strdup (gk_record_get_title (f->record)), "\t\n\r", ' ');
          g_autofree char *notes = g_strdelimit (g_strjoinv ("; ", f->notes), "\t\n\r", ' ');

          g_print ("%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", i < n_overdue ? "overdue" : "due-soon", f->info.workdays,
                   gk_record_get_due_on (f->record), gk_record_get_index_no (f->record),
                   gk_record_get_unit_name (f->record) != NULL ? gk_record_get_unit_name (f->record) : "", gk_record_get_domain (f->record), title,
                   f->missing_year, notes);
        }
      print_pushes_tsv (pushes);
      print_duties_tsv (duties);
      /* Translators: the counts of overdue records, of records due soon, and the working days */
      g_printerr (_("Overdue: %u; due within %d working days: %u\n"), n_overdue, soon, findings->len - n_overdue);
      if (pushes->len > 0)
        /* Translators: credit information and blacklist entries not yet pushed to the credit site 信用石家庄 */
        g_printerr (_("Not pushed to 信用石家庄: %u overdue, %u due soon\n"), n_overdue_pushes, pushes->len - n_overdue_pushes);
      if (duties->len > 0)
        /* Translators: yearly reports (annual report, progress report) not yet exported and submitted */
        g_printerr (_("Yearly reports not yet submitted: %u (%u overdue)\n"), duties->len, n_overdue_duties);
    }

  return n_overdue + n_overdue_pushes + n_overdue_duties > 0 ? GK_CLI_EXIT_FOUND : GK_CLI_EXIT_OK;
}
