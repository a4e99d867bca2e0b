/* gk-store-credit.c: the push of credit information and blacklist entries to 信用石家庄, and its deadline. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gk-calendar.h"
#include "gk-plan.h"
#include "gk-settings.h"
#include "gk-store-private.h"

void
gk_credit_push_free (GkCreditPush *push)
{
  if (push == NULL)
    return;
  g_clear_object (&push->record);
  g_free (push->start_on);
  g_free (push->due_on);
  g_free (push->pushed_on);
  g_free (push);
}

guint
gk_store_get_credit_push_workdays (GkStore  *self,
                                   GError  **error)
{
  g_autofree char *text = NULL;
  GError *local_error = NULL;
  guint64 value;

  g_return_val_if_fail (GK_IS_STORE (self), 0);

  text = gk_store_get_setting (self, GK_SETTING_CREDIT_PUSH_WORKDAYS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }
  /* Unset or unreadable: the 双公示 count of decisions. */
  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, GK_CREDIT_PUSH_MAX_WORKDAYS, &value, NULL))
    return GK_DEADLINE_DECISION_WORKDAYS;
  return value;
}

gboolean
gk_store_set_credit_push_workdays (GkStore  *self,
                                   guint     workdays,
                                   GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);

  if (workdays < 1 || workdays > GK_CREDIT_PUSH_MAX_WORKDAYS)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("The credit push deadline must be from 1 to %u working days"), GK_CREDIT_PUSH_MAX_WORKDAYS);
      return FALSE;
    }
  text = g_strdup_printf ("%u", workdays);
  return gk_store_set_setting (self, GK_SETTING_CREDIT_PUSH_WORKDAYS, text, error);
}

/* The decision the push runs from: the field the item's deadline rule
 * starts from (处罚日期, 认定日期), else the record's formation date. */
static char *
dup_start (GkRecord   *record,
           const char *rule_text)
{
  GkDeadlineRule rule;
  const char *start = NULL;

  if (rule_text != NULL && gk_deadline_rule_parse (rule_text, &rule, NULL) && rule.start_field[0] != '\0')
    start = gk_record_get_value_string (record, rule.start_field);
  else
    start = gk_record_get_formed_on (record);
  return start != NULL && start[0] != '\0' ? g_strdup (start) : NULL;
}

static void
judge (GkStore      *self,
       GkCreditPush *push,
       guint         workdays,
       const GDate  *today,
       guint         due_soon)
{
  GDate start, due, pushed;

  push->info.status = GK_TIMELINESS_NOT_DUE;
  if (push->start_on == NULL || !gk_date_from_iso (push->start_on, &start, NULL))
    return;
  gk_calendar_add_workdays (self->calendar, &start, workdays, &due, &push->info.missing_year);
  push->due_on = gk_date_format_iso (&due);
  if (push->pushed_on != NULL && !gk_date_from_iso (push->pushed_on, &pushed, NULL))
    g_clear_pointer (&push->pushed_on, g_free);
  gk_deadline_get_timeliness (self->calendar, &due, push->pushed_on != NULL ? &pushed : NULL,
                              today, due_soon, &push->info);
}

static int
compare_pushes (gconstpointer a,
                gconstpointer b)
{
  const GkCreditPush *pa = *(GkCreditPush * const *) a;
  const GkCreditPush *pb = *(GkCreditPush * const *) b;

  /* Without a decision date there is no deadline: last. */
  if ((pa->due_on == NULL) != (pb->due_on == NULL))
    return pa->due_on == NULL ? 1 : -1;
  if (pa->due_on != NULL && g_strcmp0 (pa->due_on, pb->due_on) != 0)
    return g_strcmp0 (pa->due_on, pb->due_on);
  return g_strcmp0 (gk_record_get_index_no (pa->record), gk_record_get_index_no (pb->record));
}

/* The credit items first (records_item finds their records), and the push
 * date in SQL, so that a ledger of many pushed records builds none of them
 * when only the waiting ones are asked for (?3). */
#define CREDIT_SQL \
  "SELECT * FROM (" \
  "  SELECT " GK_RECORD_COLUMNS ", i.deadline_rule, " \
  "         coalesce (nullif (json_extract (r.fields, '$." GK_CREDIT_PUSHED_FIELD "'), ''), " \
  "                   (SELECT nullif (c.published_on, '') FROM record_channels c " \
  "                    WHERE c.record_id = r.id AND c.channel = ?1)) AS pushed_on " \
  "  FROM " GK_RECORD_FROM " " \
  "  WHERE r.item_id IN (SELECT ci.id FROM catalog_items ci, json_each (ci.channels) ch WHERE ch.value = ?1) " \
  "    AND r.status <> '" GK_STATUS_WITHDRAWN "' AND r.mode <> '" GK_MODE_EXEMPT "' " \
  "    AND r.uuid NOT IN (SELECT value FROM json_each (?2))) " \
  "WHERE NOT ?3 OR pushed_on IS NULL"

GPtrArray *
gk_store_list_credit_pushes (GkStore     *self,
                             gboolean     pending_only,
                             const char  *today,
                             guint        due_soon_workdays,
                             GError     **error)
{
  g_autoptr(GPtrArray) pushes = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_credit_push_free);
  g_autofree char *real_today = today != NULL ? g_strdup (today) : gk_today ();
  g_autofree char *hidden = gk_store_dup_hidden_json (self);
  GError *local_error = NULL;
  GkDbStatement *stmt;
  GDate today_date;
  guint workdays;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  if (!gk_date_from_iso (real_today, &today_date, error))
    return NULL;
  workdays = gk_store_get_credit_push_workdays (self, error);
  if (workdays == 0)
    return NULL;

  stmt = gk_db_prepare (self->db, CREDIT_SQL, error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, GK_CREDIT_CHANNEL, error) ||
      !gk_db_statement_bind_text (stmt, 2, hidden != NULL ? hidden : "[]", error) ||
      !gk_db_statement_bind_int (stmt, 3, pending_only, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      g_autoptr(GkCreditPush) push = g_new0 (GkCreditPush, 1);

      push->record = gk_store_record_from_row (stmt);
      push->pushed_on = gk_db_statement_dup_text (stmt, GK_RECORD_N_COLUMNS + 1);
      push->start_on = dup_start (push->record, gk_db_statement_get_text (stmt, GK_RECORD_N_COLUMNS));
      judge (self, push, workdays, &today_date, due_soon_workdays);
      g_ptr_array_add (pushes, g_steal_pointer (&push));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  g_ptr_array_sort (pushes, compare_pushes);
  return g_steal_pointer (&pushes);
}
