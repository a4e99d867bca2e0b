/* gk-store-deadlines.c: the store's working-day calendar and the due date of each record. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gk-calendar.h"
#include "gk-catalog.h"
#include "gk-deadline.h"
#include "gk-request-deadline.h"
#include "gk-store-private.h"

/* Shipped years first, then the years the clerks entered, which override them. */
gboolean
gk_store_load_calendar (GkStore  *self,
                        GError  **error)
{
  g_autoptr(GkCalendar) calendar = gk_calendar_new_default (error);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  if (calendar == NULL)
    return FALSE;

  stmt = gk_db_prepare (self->db, "SELECT year, data FROM calendar_years ORDER BY year", error);
  if (stmt == NULL)
    return FALSE;

  while (gk_db_statement_step (stmt, &local_error))
    {
      g_autoptr(GError) load_error = NULL;

      if (!gk_calendar_load_data (calendar, gk_db_statement_get_text (stmt, 1), &load_error))
        {
          /* One bad year must not lock the clerk out of the ledger. */
          g_warning ("Ignoring the stored calendar of %d: %s", gk_db_statement_get_int (stmt, 0), load_error->message);
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_set_object (&self->calendar, calendar);
  return TRUE;
}

static const char *
row_string (JsonObject *row,
            const char *member)
{
  JsonNode *node = json_object_get_member (row, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The kind of a notice row ("correction", "consultation", "fee-notice"),
 * or of its answer with @suffix "-received". */
static gboolean
event_kind (const char         *kind,
            const char         *suffix,
            GkRequestEventKind *out)
{
  g_autofree char *correction = g_strconcat ("correction", suffix, NULL);
  g_autofree char *consultation = g_strconcat ("consultation", suffix, NULL);

  if (g_strcmp0 (kind, correction) == 0)
    *out = GK_REQUEST_EVENT_CORRECTION;
  else if (g_strcmp0 (kind, consultation) == 0)
    *out = GK_REQUEST_EVENT_CONSULTATION;
  else if (*suffix == '\0' && g_strcmp0 (kind, "fee-notice") == 0)
    *out = GK_REQUEST_EVENT_FEE;
  else
    return FALSE;
  return TRUE;
}

/* The request's 办理过程 rows as deadline events: a notice and the matching
 * receipt (补正, 征求意见, 收费通知 and 缴纳费用) make one event; an extension
 * is one row. */
static GArray *
request_events_from_fields (JsonObject *fields)
{
  GArray *events = g_array_new (FALSE, TRUE, sizeof (GkRequestEvent));
  JsonNode *node = json_object_get_member (fields, "events");
  JsonArray *rows;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return events;

  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row_node = json_array_get_element (rows, i);
      JsonObject *row;
      const char *kind;
      GkRequestEventKind opened = GK_REQUEST_EVENT_CORRECTION;
      GDate date;

      if (!JSON_NODE_HOLDS_OBJECT (row_node))
        continue;
      row = json_node_get_object (row_node);
      kind = row_string (row, "kind");
      if (kind == NULL || !gk_date_from_iso (row_string (row, "date"), &date, NULL))
        continue;

      if (g_strcmp0 (kind, "extension") == 0)
        {
          GkRequestEvent event = { .kind = GK_REQUEST_EVENT_EXTENSION, .start = date };
          JsonNode *days = json_object_get_member (row, "workdays");

          g_date_clear (&event.end, 1);
          event.workdays = days != NULL && JSON_NODE_HOLDS_VALUE (days) ? json_node_get_int (days) : GK_REQUEST_EXTENSION_MAX_WORKDAYS;
          g_array_append_val (events, event);
        }
      else if (event_kind (kind, "", &opened))
        {
          GkRequestEvent event = { .kind = opened, .start = date };

          g_date_clear (&event.end, 1);
          g_date_clear (&event.delivered, 1);
          g_array_append_val (events, event);
        }
      else if (g_strcmp0 (kind, "consultation-delivered") == 0)
        {
          /* The third party's receipt of the latest letter without one. */
          for (guint j = events->len; j > 0; j--)
            {
              GkRequestEvent *open = &g_array_index (events, GkRequestEvent, j - 1);

              if (open->kind == GK_REQUEST_EVENT_CONSULTATION && !g_date_valid (&open->delivered))
                {
                  open->delivered = date;
                  break;
                }
            }
        }
      else if (event_kind (kind, "-received", &opened) || g_strcmp0 (kind, "fee-paid") == 0)
        {
          GkRequestEventKind wanted = g_strcmp0 (kind, "fee-paid") == 0 ? GK_REQUEST_EVENT_FEE : opened;

          /* Closes the latest open notice of its kind. */
          for (guint j = events->len; j > 0; j--)
            {
              GkRequestEvent *open = &g_array_index (events, GkRequestEvent, j - 1);

              if (open->kind == wanted && !g_date_valid (&open->end))
                {
                  open->end = date;
                  break;
                }
            }
        }
    }

  return events;
}

/* A request runs from its receipt date and is closed by its reply: the
 * record's formation and publication dates follow those two fields. */
static void
sync_request_dates (GkRecord *record)
{
  JsonObject *fields = gk_record_get_values (record);
  const char *received, *replied;
  GDate date;

  received = row_string (fields, "received_date");
  if (received != NULL && gk_date_from_iso (received, &date, NULL))
    gk_record_set_formed_on (record, received);

  replied = row_string (fields, "reply_date");
  if (replied != NULL && gk_date_from_iso (replied, &date, NULL))
    gk_record_set_published_on (record, replied);
  else
    gk_record_set_published_on (record, NULL);
}

/* A request's reply deadline: from its receipt, moved by its events. Events
 * that cannot all have happened keep the plain 20 working days from receipt,
 * so the request stays supervised; gk_store_check_deadline() reports them. */
static void
compute_request_due (GkStore     *self,
                     GkRecord    *record,
                     JsonObject  *fields,
                     const GDate *received)
{
  g_autoptr(GArray) events = request_events_from_fields (fields);
  GkRequestDeadline deadline;

  if (!gk_request_deadline_compute (self->calendar, received, (GkRequestEvent *) (gpointer) events->data,
                                    events->len, &deadline, NULL) &&
      !gk_request_deadline_compute (self->calendar, received, NULL, 0, &deadline, NULL))
    return;

  if (g_date_valid (&deadline.due))
    {
      g_autofree char *due_on = gk_date_format_iso (&deadline.due);

      gk_record_set_due_on (record, due_on);
    }
  gk_record_set_due_missing_year (record, deadline.missing_year);
}

/* The item's rule as it applies to @record: a record whose field holds the
 * rule's proactive-when value falls under the 20-working-day rule. */
static gboolean
record_rule (GkItem         *item,
             GkRecord       *record,
             GkDeadlineRule *rule)
{
  const char *text = gk_item_get_deadline_rule (item);

  if (g_strcmp0 (text, GK_ITEM_RULE_REQUEST) == 0 || g_strcmp0 (text, GK_ITEM_RULE_NONE) == 0 ||
      !gk_deadline_rule_parse (text, rule, NULL))
    return FALSE;

  if (rule->proactive_field[0] != '\0' &&
      g_strcmp0 (row_string (gk_record_get_values (record), rule->proactive_field), rule->proactive_value) == 0)
    {
      rule->kind = GK_DEADLINE_PROACTIVE;
      rule->workdays = GK_DEADLINE_PROACTIVE_WORKDAYS;
    }
  return TRUE;
}

/* Whether a 变更 was recorded: its date, not the start field, is then the
 * formation date the deadline runs from (条例 第二十六条, 变更之日). */
gboolean
gk_store_record_has_change (GkStore  *self,
                            GkRecord *record)
{
  g_autoptr(GError) error = NULL;
  GkDbStatement *stmt;
  gboolean changed;

  if (gk_record_get_id (record) == 0)
    return FALSE;
  stmt = gk_db_prepare (self->db, "SELECT 1 FROM record_changes WHERE record_id = ?1 LIMIT 1", &error);
  if (stmt == NULL || !gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (record), &error))
    {
      g_warning ("Cannot tell whether record %" G_GINT64_FORMAT " was changed: %s", gk_record_get_id (record), error->message);
      return FALSE;
    }
  changed = gk_db_statement_step (stmt, &error);
  if (error != NULL)
    g_warning ("Cannot tell whether record %" G_GINT64_FORMAT " was changed: %s", gk_record_get_id (record), error->message);
  gk_db_statement_reset (stmt);
  return changed;
}

/* The legally relevant date a rule runs from (a decision or award date) is
 * the information's formation date: the record's date follows the field,
 * until a 变更 gives it a date of its own. */
static void
sync_start_date (GkStore              *self,
                 GkRecord             *record,
                 const GkDeadlineRule *rule)
{
  const char *start;
  GDate date;

  if (rule->start_field[0] == '\0' || gk_store_record_has_change (self, record))
    return;
  start = row_string (gk_record_get_values (record), rule->start_field);
  if (start != NULL && gk_date_from_iso (start, &date, NULL))
    gk_record_set_formed_on (record, start);
}

/* Records are due a number of days after the date their item's rule runs
 * from. A record of an item the law makes proactive keeps its deadline
 * whatever mode the clerk chose, except an exempt one: that is counted as
 * 不予公开 with its ground instead. */
void
gk_store_compute_due (GkStore  *self,
                      GkRecord *record)
{
  GkItem *item = gk_store_lookup_item (self, gk_record_get_item_id (record));
  GkDeadlineRule rule;
  GDate formed, due;
  int missing_year = 0;
  g_autofree char *due_on = NULL;

  gk_record_set_due_on (record, NULL);
  gk_record_set_due_missing_year (record, 0);

  if (item == NULL)
    return;

  if (g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_REQUEST) == 0)
    {
      sync_request_dates (record);
      if (gk_record_get_formed_on (record) != NULL &&
          gk_date_from_iso (gk_record_get_formed_on (record), &formed, NULL))
        compute_request_due (self, record, gk_record_get_values (record), &formed);
      return;
    }

  if (!record_rule (item, record, &rule))
    return;
  sync_start_date (self, record, &rule);

  if (gk_record_get_formed_on (record) == NULL || !gk_date_from_iso (gk_record_get_formed_on (record), &formed, NULL))
    return;

  if (g_strcmp0 (gk_record_get_mode (record), GK_MODE_EXEMPT) == 0 ||
      (g_strcmp0 (gk_record_get_mode (record), GK_MODE_PROACTIVE) != 0 && !gk_item_is_proactive (item)))
    return;

  gk_deadline_rule_compute_due (&rule, self->calendar, &formed, &due, &missing_year);
  due_on = gk_date_format_iso (&due);
  gk_record_set_due_on (record, due_on);
  gk_record_set_due_missing_year (record, missing_year);
}

static void
add_error (GPtrArray  *errors,
           const char *field_id,
           const char *message)
{
  g_ptr_array_add (errors, gk_issue_new (field_id, -1, NULL, GK_SEVERITY_ERROR, message));
}

static const char *
field_label (GkItem     *item,
             const char *field_id)
{
  GkSchema *schema = gk_item_get_schema (item);
  const GkField *field = schema != NULL ? gk_schema_lookup_field (schema, field_id) : NULL;

  return field != NULL ? field->label : field_id;
}

/* The shipped catalog's grounds and outcomes, read once. */
GkCatalog *
gk_store_default_catalog (void)
{
  static GkCatalog *catalog;

  if (g_once_init_enter (&catalog))
    {
      g_autoptr(GError) error = NULL;
      GkCatalog *loaded = gk_catalog_new_default (&error);

      if (loaded == NULL)
        g_error ("The shipped catalog cannot be read: %s", error->message);
      g_once_init_leave (&catalog, loaded);
    }
  return catalog;
}

/* The legal grounds' texts (国家秘密 …) for their keys as group_concat
 * gives them (","), "；"-separated; NULL for none. */
char *
gk_store_dup_ground_texts (const char *keys)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_auto(GStrv) built = NULL;

  if (keys == NULL || *keys == '\0')
    return NULL;
  parts = g_strsplit (keys, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const GkCatalogExemption *exemption = gk_catalog_lookup_exemption (gk_store_default_catalog (), parts[i]);

      g_strv_builder_add (texts, exemption != NULL ? exemption->text : parts[i]);
    }
  built = g_strv_builder_end (texts);
  return g_strjoinv ("；", built);
}

/* A reply's outcome and its ground for withholding say the same thing: a
 * 不予公开 outcome names the ground it is counted under (条例 第十四条 to
 * 第十六条), a partial disclosure names one, and no other outcome has any. */
static void
check_request_outcome (GkRecord  *record,
                       GPtrArray *errors)
{
  const char *outcome = row_string (gk_record_get_values (record), "outcome");
  const char *ground = row_string (gk_record_get_values (record), "exemption");
  const GkCatalogExemption *exemption;
  gboolean withheld, partly;

  if (outcome == NULL || *outcome == '\0')
    return;
  if (ground != NULL && *ground == '\0')
    ground = NULL;
  withheld = g_str_has_prefix (outcome, "withheld-");
  partly = g_strcmp0 (outcome, "partly-disclosed") == 0;
  exemption = ground != NULL ? gk_catalog_lookup_exemption (gk_store_default_catalog (), ground) : NULL;

  if (!withheld && !partly)
    {
      if (ground != NULL)
        add_error (errors, "exemption",
                   _("A ground for withholding goes only with a reply that withholds (部分公开 or 不予公开)"));
      return;
    }
  if (ground == NULL)
    {
      /* 行政查询事项 is withheld without a ground of 第十四条 to 第十六条. */
      if (g_strcmp0 (outcome, "withheld-inquiry") != 0)
        add_error (errors, "exemption", _("The reply withholds information: name the legal ground"));
      return;
    }
  if (withheld && exemption != NULL && g_strcmp0 (exemption->outcome, outcome) != 0)
    {
      const GkCatalogTerm *counted = gk_catalog_lookup_outcome (gk_store_default_catalog (), exemption->outcome);
      /* Translators: the outcome a ground for withholding is counted under */
      g_autofree char *message = g_strdup_printf (_("This ground is counted under another outcome: %s"),
                                                  counted != NULL ? counted->name : exemption->outcome);

      add_error (errors, "exemption", message);
    }
}

/* A request's events, read as the deadline reads them from its receipt
 * date (the field, which the formation date follows once saved). While it
 * is edited, its state and warnings come along, as warnings. */
static void
check_request (GkStore   *self,
               GkRecord  *record,
               gboolean   editing,
               GPtrArray *errors)
{
  g_autoptr(GArray) events = request_events_from_fields (gk_record_get_values (record));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  g_autofree char *today_text = gk_today ();
  const char *received_text = row_string (gk_record_get_values (record), "received_date");
  GkRequestDeadline deadline;
  GDate received, today;

  check_request_outcome (record, errors);
  if (received_text == NULL)
    received_text = gk_record_get_formed_on (record);
  if (received_text == NULL || !gk_date_from_iso (received_text, &received, NULL))
    return;
  if (!gk_request_deadline_compute (self->calendar, &received, (GkRequestEvent *) (gpointer) events->data,
                                    events->len, &deadline, &error))
    {
      add_error (errors, "events", error->message);
      return;
    }
  if (!editing || !gk_date_from_iso (today_text, &today, NULL))
    return;

  notes = gk_request_deadline_describe (&deadline, &today);
  for (guint i = 0; notes[i] != NULL; i++)
    g_ptr_array_add (errors, gk_issue_new ("events", -1, NULL, GK_SEVERITY_WARNING, notes[i]));
}

/**
 * gk_store_check_deadline:
 * @errors: (element-type GkIssue): where the problems are added
 *
 * What stops @record from being published on deadline grounds: its date
 * differs from the field its rule runs from, or that field is empty; a
 * publication period shorter than the law allows; a proactive item's record
 * set to "on request"; request events that cannot all have happened.
 */
static void
check_deadline (GkStore   *self,
                GkRecord  *record,
                gboolean   formed_follows,
                GPtrArray *errors)
{
  GkItem *item = gk_store_lookup_item (self, gk_record_get_item_id (record));
  JsonObject *values = gk_record_get_values (record);
  GkDeadlineRule rule;
  const char *first_text, *last_text, *start;
  GDate first, last;

  if (item == NULL)
    return;

  if (g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_REQUEST) == 0)
    {
      check_request (self, record, formed_follows, errors);
      return;
    }

  if (g_strcmp0 (gk_record_get_mode (record), GK_MODE_ON_REQUEST) == 0 && gk_item_is_proactive (item))
    add_error (errors, NULL, _("This item must be disclosed proactively: it cannot be left to requests"));

  if (!record_rule (item, record, &rule))
    return;

  if (rule.start_field[0] != '\0' && !gk_store_record_has_change (self, record))
    {
      start = row_string (values, rule.start_field);
      if (start == NULL || !gk_date_from_iso (start, &first, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("The deadline runs from “%s”: enter that date"),
                                                      field_label (item, rule.start_field));

          add_error (errors, rule.start_field, message);
        }
      else if (!formed_follows && g_strcmp0 (start, gk_record_get_formed_on (record)) != 0)
        {
          g_autofree char *message = g_strdup_printf (_("The formation date must be “%s”, the date the deadline runs from"),
                                                      field_label (item, rule.start_field));

          add_error (errors, rule.start_field, message);
        }
    }

  first_text = row_string (values, GK_DEADLINE_PERIOD_START_FIELD);
  last_text = row_string (values, GK_DEADLINE_PERIOD_END_FIELD);
  if (rule.period_days > 0 && first_text != NULL && last_text != NULL &&
      gk_date_from_iso (first_text, &first, NULL) && gk_date_from_iso (last_text, &last, NULL) &&
      !gk_deadline_rule_check_period (&rule, &first, &last))
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "The publication period must last at least %u day",
                                                               "The publication period must last at least %u days",
                                                               rule.period_days),
                                                  rule.period_days);

      add_error (errors, GK_DEADLINE_PERIOD_END_FIELD, message);
    }
}

gboolean
gk_store_recompute_due_dates (GkStore  *self,
                              GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  if (!gk_db_begin (self->db, error))
    return FALSE;

  stmt = gk_db_prepare (self->db, "SELECT id, item_id, formed_on, mode, due_on, due_missing_year, fields FROM records", error);
  if (stmt == NULL)
    goto fail;

  while (gk_db_statement_step (stmt, &local_error))
    {
      GkRecord *record = gk_record_new ();

      gk_record_set_id (record, gk_db_statement_get_int64 (stmt, 0));
      gk_record_set_item_id (record, gk_db_statement_get_int64 (stmt, 1));
      gk_record_set_formed_on (record, gk_db_statement_get_text (stmt, 2));
      gk_record_set_mode (record, gk_db_statement_get_text (stmt, 3));
      gk_record_set_due_on (record, gk_db_statement_get_text (stmt, 4));
      gk_record_set_due_missing_year (record, gk_db_statement_get_int (stmt, 5));
      if (!gk_record_set_values_json (record, gk_db_statement_get_text (stmt, 6), NULL))
        g_debug ("Record %" G_GINT64_FORMAT ": field values unreadable; due date from its formation date", gk_record_get_id (record));
      g_ptr_array_add (records, record);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }

  stmt = gk_db_prepare (self->db, "UPDATE records SET due_on = ?2, due_missing_year = ?3, formed_on = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;

  for (guint i = 0; i < records->len; i++)
    {
      GkRecord *record = g_ptr_array_index (records, i);
      g_autofree char *old_due = g_strdup (gk_record_get_due_on (record));
      g_autofree char *old_formed = g_strdup (gk_record_get_formed_on (record));
      int old_missing = gk_record_get_due_missing_year (record);

      gk_store_compute_due (self, record);
      if (g_strcmp0 (old_due, gk_record_get_due_on (record)) == 0 && old_missing == gk_record_get_due_missing_year (record) &&
          g_strcmp0 (old_formed, gk_record_get_formed_on (record)) == 0)
        continue;

      if (!gk_db_statement_bind_int64 (stmt, 1, gk_record_get_id (record), error) ||
          !gk_db_statement_bind_text (stmt, 2, gk_record_get_due_on (record), error) ||
          !gk_db_statement_bind_int (stmt, 3, gk_record_get_due_missing_year (record), error) ||
          !gk_db_statement_bind_text (stmt, 4, gk_record_get_formed_on (record), error) ||
          !gk_db_statement_step_done (stmt, error))
        goto fail;
    }

  return gk_db_commit (self->db, error);

fail:
  gk_db_rollback (self->db);
  return FALSE;
}

gboolean
gk_store_save_calendar_year (GkStore     *self,
                             int          year,
                             const char  *data,
                             GError     **error)
{
  g_autoptr(GkCalendar) check = gk_calendar_new ();
  g_autofree char *now = NULL;
  GkDbStatement *stmt;

  /* Refuse what would not load again. */
  if (!gk_calendar_load_data (check, data, error))
    return FALSE;

  if (!gk_calendar_has_year (check, year))
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("The calendar data does not describe the year %d"), year);
      return FALSE;
    }

  now = gk_store_now ();
  stmt = gk_db_prepare (self->db,
                        "INSERT INTO calendar_years (year, data, updated_at) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT (year) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                        error);
  if (stmt == NULL ||
      !gk_db_statement_bind_int (stmt, 1, year, error) ||
      !gk_db_statement_bind_text (stmt, 2, data, error) ||
      !gk_db_statement_bind_text (stmt, 3, now, error) ||
      !gk_db_statement_step_done (stmt, error))
    return FALSE;

  if (!gk_store_load_calendar (self, error) ||
      !gk_store_recompute_due_dates (self, error))
    return FALSE;

  gk_store_emit_records_changed (self);
  return TRUE;
}


/* A file in the shipped format, with one or more years: every year is
 * checked before any is saved, and all are saved in one transaction. */
gboolean
gk_store_import_calendar (GkStore     *self,
                          const char  *data,
                          GArray     **years_out,
                          GError     **error)
{
  g_autoptr(GkCalendar) imported = gk_calendar_new ();
  g_autoptr(GArray) years = NULL;

  if (!gk_calendar_load_data (imported, data, error))
    return FALSE;

  years = gk_calendar_list_years (imported);
  if (years->len == 0)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The file holds no year of holidays"));
      return FALSE;
    }

  if (!gk_db_begin (self->db, error))
    return FALSE;

  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      g_autofree char *text = gk_calendar_serialize_year (imported, year);

      if (!gk_store_save_calendar_year (self, year, text, error))
        {
          gk_db_rollback (self->db);
          /* The calendar in memory may hold years that were rolled back. */
          gk_store_load_calendar (self, NULL);
          return FALSE;
        }
    }

  if (!gk_db_commit (self->db, error))
    {
      gk_store_load_calendar (self, NULL);
      return FALSE;
    }

  if (years_out != NULL)
    *years_out = g_steal_pointer (&years);
  return TRUE;
}

void
gk_store_check_deadline (GkStore   *self,
                         GkRecord  *record,
                         GPtrArray *errors)
{
  check_deadline (self, record, FALSE, errors);
}

/**
 * gk_store_get_deadline_issues:
 *
 * The problems gk_store_check_deadline() finds in a record being edited,
 * whose formation date follows its start field when it is saved, and a
 * request's deadline state and warnings (severity warning).
 *
 * Returns: (transfer full) (element-type GkIssue): the issues, maybe none
 */
GPtrArray *
gk_store_get_deadline_issues (GkStore  *self,
                              GkRecord *record)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);

  g_return_val_if_fail (GK_IS_STORE (self), errors);
  g_return_val_if_fail (GK_IS_RECORD (record), errors);

  check_deadline (self, record, TRUE, errors);
  return errors;
}

gboolean
gk_store_get_request_deadline (GkStore           *self,
                               GkRecord          *record,
                               GkRequestDeadline *deadline,
                               GError           **error)
{
  GkItem *item;
  g_autoptr(GArray) events = NULL;
  GDate received;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (GK_IS_RECORD (record), FALSE);
  g_return_val_if_fail (deadline != NULL, FALSE);

  item = gk_store_lookup_item (self, gk_record_get_item_id (record));
  if (item == NULL || g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_REQUEST) != 0 ||
      gk_record_get_formed_on (record) == NULL || !gk_date_from_iso (gk_record_get_formed_on (record), &received, NULL))
    {
      g_set_error_literal (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_EVENT,
                           _("This record is no request with a receipt date"));
      return FALSE;
    }

  events = request_events_from_fields (gk_record_get_values (record));
  return gk_request_deadline_compute (self->calendar, &received, (GkRequestEvent *) (gpointer) events->data,
                                      events->len, deadline, error);
}

/**
 * gk_store_describe_request:
 * @today: the day to judge on
 *
 * A request's deadline state in words, as 督查 and `gongkai-cli check`
 * show it: what paused or moved its period, what may still be done, every
 * warning; or why its events cannot all have happened.
 *
 * Returns: (transfer full): the notes, maybe none; empty for a record that
 *   is no request
 */
GStrv
gk_store_describe_request (GkStore     *self,
                           GkRecord    *record,
                           const GDate *today)
{
  g_autoptr(GError) error = NULL;
  GkRequestDeadline deadline;
  GkItem *item;
  GStrv notes;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (GK_IS_RECORD (record), NULL);

  item = gk_store_lookup_item (self, gk_record_get_item_id (record));
  if (item == NULL || g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_REQUEST) != 0 ||
      gk_record_get_formed_on (record) == NULL)
    return g_new0 (char *, 1);
  if (gk_store_get_request_deadline (self, record, &deadline, &error))
    {
      g_auto(GStrv) progress = gk_request_deadline_describe_progress (&deadline, today);
      g_auto(GStrv) state = gk_request_deadline_describe (&deadline, today);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **) progress);
      g_strv_builder_addv (builder, (const char **) state);
      return g_strv_builder_end (builder);
    }

  notes = g_new0 (char *, 2);
  /* Translators: a request's events cannot all have happened; the reason follows */
  notes[0] = g_strdup_printf (_("Events in error (the plain 20 working days are shown): %s"), error->message);
  return notes;
}

gboolean
gk_store_count_calendar_guesses (GkStore  *self,
                                 int       year,
                                 guint    *count,
                                 GError  **error)
{
  GkDbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  *count = 0;
  stmt = gk_db_prepare (self->db, "SELECT count (*) FROM records WHERE due_missing_year = ?1", error);
  if (stmt == NULL || !gk_db_statement_bind_int (stmt, 1, year, error))
    return FALSE;
  if (gk_db_statement_step (stmt, &local_error))
    {
      *count = gk_db_statement_get_int (stmt, 0);
      gk_db_statement_reset (stmt);
      return TRUE;
    }
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, local_error);
  return FALSE;
}
