/* gk-store-report.c: the annual report's reads of the ledger, grouped or row by row. */
#include "config.h"

#include "gk-store-private.h"
#include "gk-store-report.h"

#include <string.h>

/* Every read takes the year's first and last day as ?1 and ?2, the unit
 * (0: any) as ?3 and the hidden records as ?4; it counts the organisation
 * gk_store_set_report_organisation() chose. gk_report_all () first: when
 * every organisation counts, the record's own row is not read for it, and
 * records_report serves alone. */
#define IN_SCOPE \
  " (?3 = 0 OR r.unit_id = ?3) AND r.uuid NOT IN (SELECT value FROM json_each (?4)) " \
  " AND (gk_report_all () OR gk_in_report (r.organisation_id)) "

void
gk_store_request_group_free (GkStoreRequestGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->applicant);
  g_free (group->outcome);
  g_free (group);
}

void
gk_store_case_group_free (GkStoreCaseGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->kind);
  g_free (group->result);
  g_free (group);
}

static GkDbStatement *
prepare_year (GkStore     *self,
              const char  *sql,
              int          year,
              gint64       unit_id,
              GError     **error)
{
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  g_autofree char *hidden = gk_store_dup_hidden_json (self);
  GkDbStatement *stmt = gk_db_prepare (gk_store_get_db (self), sql, error);

  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, first, error) ||
      !gk_db_statement_bind_text (stmt, 2, last, error) ||
      !gk_db_statement_bind_int64 (stmt, 3, unit_id, error) ||
      !gk_db_statement_bind_text (stmt, 4, hidden != NULL ? hidden : "[]", error))
    return NULL;
  return stmt;
}

GPtrArray *
gk_store_report_domains (GkStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  GkDbStatement *stmt = gk_db_prepare (gk_store_get_db (self), "SELECT key, name FROM domains ORDER BY position, key", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      g_ptr_array_add (pairs, gk_db_statement_dup_text (stmt, 0));
      g_ptr_array_add (pairs, gk_db_statement_dup_text (stmt, 1));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&pairs);
}

/* Dates compare as ISO strings; a reply before 1 January is "not replied
 * before" only when there is none or it is on or after that day. */
#define REQUESTS_SQL \
  "SELECT applicant, outcome, " \
  "       sum (received BETWEEN ?1 AND ?2), " \
  "       sum (received < ?1 AND (replied IS NULL OR replied >= ?1)), " \
  "       sum (replied BETWEEN ?1 AND ?2 AND received <= ?2), " \
  "       sum (received <= ?2 AND (replied IS NULL OR replied > ?2)) " \
  "FROM (SELECT coalesce (json_extract (r.fields, '$.applicant_type'), '') AS applicant, " \
  "             coalesce (json_extract (r.fields, '$.outcome'), '') AS outcome, " \
  "             json_extract (r.fields, '$.received_date') AS received, " \
  "             nullif (json_extract (r.fields, '$.reply_date'), '') AS replied " \
  "      FROM records r JOIN catalog_items i ON i.id = r.item_id " \
  "      WHERE i.key = 'request.application' AND " IN_SCOPE ") " \
  "WHERE received IS NOT NULL AND received <> '' " \
  "GROUP BY applicant, outcome ORDER BY applicant, outcome"

GPtrArray *
gk_store_report_requests (GkStore  *self,
                          int       year,
                          gint64    unit_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_store_request_group_free);
  GkDbStatement *stmt = prepare_year (self, REQUESTS_SQL, year, unit_id, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkStoreRequestGroup *group = g_new0 (GkStoreRequestGroup, 1);

      group->applicant = gk_db_statement_dup_text (stmt, 0);
      group->outcome = gk_db_statement_dup_text (stmt, 1);
      group->received = gk_db_statement_get_int64 (stmt, 2);
      group->carried_in = gk_db_statement_get_int64 (stmt, 3);
      group->replied = gk_db_statement_get_int64 (stmt, 4);
      group->carried_over = gk_db_statement_get_int64 (stmt, 5);
      g_ptr_array_add (groups, group);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&groups);
}

#define CASES_SQL \
  "SELECT kind, CASE WHEN result = 'pending' OR decided > ?2 THEN 'pending' ELSE result END, count (*) " \
  "FROM (SELECT coalesce (json_extract (r.fields, '$.case_kind'), '') AS kind, " \
  "             coalesce (json_extract (r.fields, '$.result'), '') AS result, " \
  "             nullif (json_extract (r.fields, '$.decided_date'), '') AS decided " \
  "      FROM records r JOIN catalog_items i ON i.id = r.item_id " \
  "      WHERE i.key = 'request.case' AND " IN_SCOPE \
  "        AND json_extract (r.fields, '$.received_date') BETWEEN ?1 AND ?2) " \
  "GROUP BY 1, 2 ORDER BY 1, 2"

GPtrArray *
gk_store_report_cases (GkStore  *self,
                       int       year,
                       gint64    unit_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_store_case_group_free);
  GkDbStatement *stmt = prepare_year (self, CASES_SQL, year, unit_id, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkStoreCaseGroup *group = g_new0 (GkStoreCaseGroup, 1);

      group->kind = gk_db_statement_dup_text (stmt, 0);
      group->result = gk_db_statement_dup_text (stmt, 1);
      group->count = gk_db_statement_get_int64 (stmt, 2);
      g_ptr_array_add (groups, group);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&groups);
}

/* Each record's current publication, and those a 变更 superseded with the
 * date, deadline and (for a change still prepared) public status they had:
 * each counts in its own period. Only the record's own row counts as
 * withheld (formed_on is NULL on the others). Each arm tests the scope
 * itself and passes on only what records_report holds: a column of the
 * record's own row among the subquery's would read every record's row. The
 * changes, far fewer than the records, lead their join. */
#define PUBLICATIONS \
  "(SELECT domain, item_id, unit_id, due_on, published_on, mode, formed_on, exemption " \
  " FROM records r INDEXED BY records_report WHERE " IN_SCOPE \
  " UNION ALL " \
  " SELECT r.domain, r.item_id, r.unit_id, c.prev_due_on, c.prev_published_on, r.mode, NULL, '' " \
  " FROM record_changes c CROSS JOIN records r ON r.id = c.record_id " \
  " WHERE c.prev_published_on IS NOT NULL AND " IN_SCOPE ")"

/* The supervision report's rules (gk-store-supervision.c) per domain, item
 * and unit, plus the records not to be disclosed formed in the year. */
#define DUE_IN_YEAR "(r.due_on BETWEEN ?1 AND ?2)"
#define WITHHELD_IN_YEAR "(r.mode = 'exempt' AND r.formed_on BETWEEN ?1 AND ?2)"
#define RESOURCES_SQL \
  "SELECT r.domain, coalesce (d.name, r.domain), r.item_id, i.level2, coalesce (r.unit_id, 0), u.name, " \
  "       sum (" DUE_IN_YEAR "), " \
  "       sum (" DUE_IN_YEAR " AND r.published_on IS NOT NULL AND r.published_on <= r.due_on), " \
  "       sum (" DUE_IN_YEAR " AND r.published_on > r.due_on), " \
  "       sum (CASE WHEN " DUE_IN_YEAR " AND r.published_on > r.due_on " \
  "            THEN gk_workdays_late (r.due_on, r.published_on) END), " \
  "       sum (" DUE_IN_YEAR " AND r.published_on IS NULL AND r.due_on < ?5), " \
  "       sum (" WITHHELD_IN_YEAR "), " \
  "       group_concat (DISTINCT CASE WHEN " WITHHELD_IN_YEAR " THEN r.exemption END) " \
  "FROM " PUBLICATIONS " r JOIN catalog_items i ON i.id = r.item_id " \
  "LEFT JOIN domains d ON d.key = r.domain LEFT JOIN units u ON u.id = r.unit_id " \
  "WHERE r.domain <> 'request' AND (" DUE_IN_YEAR " OR " WITHHELD_IN_YEAR ") " \
  "GROUP BY r.domain, r.item_id, r.unit_id " \
  "ORDER BY min (d.position), r.domain, min (i.position), r.item_id, " \
  "         min (u.position) IS NULL, min (u.position), min (u.name)"

GPtrArray *
gk_store_report_resources (GkStore     *self,
                           int          year,
                           gint64       unit_id,
                           const char  *as_of,
                           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_report_resource_row_free);
  GkDbStatement *stmt = prepare_year (self, RESOURCES_SQL, year, unit_id, error);
  GError *local_error = NULL;

  if (stmt == NULL || !gk_db_statement_bind_text (stmt, 5, as_of, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkReportResourceRow *row = g_new0 (GkReportResourceRow, 1);
      const char *grounds = gk_db_statement_get_text (stmt, 12);

      row->domain = gk_db_statement_dup_text (stmt, 0);
      row->domain_name = gk_db_statement_dup_text (stmt, 1);
      row->item_id = gk_db_statement_get_int64 (stmt, 2);
      row->item_name = gk_db_statement_dup_text (stmt, 3);
      row->unit_id = gk_db_statement_get_int64 (stmt, 4);
      row->unit_name = gk_db_statement_dup_text (stmt, 5);
      row->due = gk_db_statement_get_int64 (stmt, 6);
      row->on_time = gk_db_statement_get_int64 (stmt, 7);
      row->late = gk_db_statement_get_int64 (stmt, 8);
      row->late_workdays = gk_db_statement_get_int64 (stmt, 9);
      row->overdue = gk_db_statement_get_int64 (stmt, 10);
      row->withheld = gk_db_statement_get_int64 (stmt, 11);
      /* The grounds' texts, as the workbook is read: 国家秘密 …, "；"-separated. */
      row->grounds = gk_store_dup_ground_texts (grounds);
      g_ptr_array_add (rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

#define CHANNELS_SQL \
  "SELECT r.domain, coalesce (d.name, r.domain), c.channel, count (*) " \
  "FROM records r INDEXED BY records_report CROSS JOIN record_channels c ON c.record_id = r.id " \
  "LEFT JOIN domains d ON d.key = r.domain " \
  "WHERE r.domain <> 'request' AND coalesce (c.published_on, r.published_on) BETWEEN ?1 AND ?2 AND " IN_SCOPE \
  "GROUP BY r.domain, c.channel ORDER BY min (d.position), r.domain, count (*) DESC, c.channel"

GPtrArray *
gk_store_report_channels (GkStore  *self,
                          int       year,
                          gint64    unit_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_report_channel_row_free);
  GkDbStatement *stmt = prepare_year (self, CHANNELS_SQL, year, unit_id, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkReportChannelRow *row = g_new0 (GkReportChannelRow, 1);

      row->domain = gk_db_statement_dup_text (stmt, 0);
      row->domain_name = gk_db_statement_dup_text (stmt, 1);
      row->channel = gk_db_statement_dup_text (stmt, 2);
      row->count = gk_db_statement_get_int64 (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

#define MONTHS_SQL \
  "SELECT r.domain, cast (substr (r.published_on, 6, 2) AS INTEGER), count (*) " \
  "FROM (SELECT domain, published_on FROM records r INDEXED BY records_report WHERE " IN_SCOPE \
  "      UNION ALL " \
  "      SELECT r.domain, c.prev_published_on FROM record_changes c CROSS JOIN records r ON r.id = c.record_id " \
  "      WHERE " IN_SCOPE ") r " \
  "WHERE r.published_on BETWEEN ?1 AND ?2 AND r.domain <> 'request' " \
  "GROUP BY 1, 2"

/* Every domain but requests, with or without publications, so that the
 * chart's series are the same from year to year. */
GPtrArray *
gk_store_report_months (GkStore  *self,
                        int       year,
                        gint64    unit_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_report_month_row_free);
  g_autoptr(GPtrArray) domains = gk_store_report_domains (self, error);
  g_autoptr(GHashTable) by_domain = g_hash_table_new (g_str_hash, g_str_equal);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  if (domains == NULL)
    return NULL;
  for (guint i = 0; i + 1 < domains->len; i += 2)
    {
      GkReportMonthRow *row;

      if (g_strcmp0 (g_ptr_array_index (domains, i), "request") == 0)
        continue;
      row = g_new0 (GkReportMonthRow, 1);
      row->domain = g_strdup (g_ptr_array_index (domains, i));
      row->domain_name = g_strdup (g_ptr_array_index (domains, i + 1));
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_domain, row->domain, row);
    }

  stmt = prepare_year (self, MONTHS_SQL, year, unit_id, error);
  if (stmt == NULL)
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkReportMonthRow *row = g_hash_table_lookup (by_domain, gk_db_statement_get_text (stmt, 0));
      int month = gk_db_statement_get_int (stmt, 1);

      if (row != NULL && month >= 1 && month <= 12)
        row->months[month - 1] = gk_db_statement_get_int64 (stmt, 2);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

#define ROW_COLUMNS \
  "r.item_id, i.level2, r.domain, coalesce (d.name, r.domain), r.title, u.name, r.index_no, r.doc_no, " \
  "r.formed_on, r.due_on, r.published_on, r.status, r.mode, r.exemption "
#define ROW_FROM \
  "catalog_items i ON i.id = r.item_id " \
  "LEFT JOIN domains d ON d.key = r.domain LEFT JOIN units u ON u.id = r.unit_id "
#define N_ROW_COLUMNS 15  /* ROW_COLUMNS and the working days late */

/* A scalar of a record's fields as SQLite's JSON functions give it: its
 * json_type(), then its value in @col. */
static JsonNode *
scalar_node (const char    *type,
             GkDbStatement *stmt,
             int            col)
{
  if (strcmp (type, "integer") == 0)
    return json_node_init_int (json_node_alloc (), gk_db_statement_get_int64 (stmt, col));
  if (strcmp (type, "real") == 0)
    return json_node_init_double (json_node_alloc (), gk_db_statement_get_double (stmt, col));
  if (strcmp (type, "text") == 0)
    return json_node_init_string (json_node_alloc (), gk_db_statement_get_text (stmt, col));
  if (strcmp (type, "true") == 0 || strcmp (type, "false") == 0)
    return json_node_init_boolean (json_node_alloc (), type[0] == 't');
  return json_node_init_null (json_node_alloc ());
}

/* One value of a record's fields: its json_type() in @col, its
 * json_extract() in the next; tables come as JSON text, which @parser
 * reads (one parser for all: making one costs as much as a small parse). */
static JsonNode *
value_node (GkDbStatement *stmt,
            int            col,
            JsonParser    *parser)
{
  const char *type = gk_db_statement_get_text (stmt, col);

  if (type == NULL || strcmp (type, "null") == 0)
    return NULL;
  if (strcmp (type, "array") != 0 && strcmp (type, "object") != 0)
    return scalar_node (type, stmt, col + 1);
  if (!json_parser_load_from_data (parser, gk_db_statement_get_text (stmt, col + 1), -1, NULL) ||
      json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

/* One value of a record's fields as SQLite writes it, as JSON text of
 * @length bytes: the scalars are read here, the JSON tokens SQLite copies
 * from the record: a string without escapes, a number, true or false; a
 * string with escapes, an array or an object goes through @parser. */
static JsonNode *
json_text_node (const char *text,
                gsize       length,
                JsonParser *parser)
{
  if (text == NULL || length == 0)
    return NULL;
  switch (text[0])
    {
    case 'n':
      return NULL;
    case 't':
    case 'f':
      return json_node_init_boolean (json_node_alloc (), text[0] == 't');
    case '"':
      if (length >= 2 && text[length - 1] == '"' && memchr (text, '\\', length) == NULL)
        {
          g_autofree char *string = g_strndup (text + 1, length - 2);

          return json_node_init_string (json_node_alloc (), string);
        }
      break;
    case '-':
    case '0' ... '9':
      {
        g_autofree char *number = g_strndup (text, length);

        if (strpbrk (number, ".eE") != NULL)
          return json_node_init_double (json_node_alloc (), g_ascii_strtod (number, NULL));
        return json_node_init_int (json_node_alloc (), g_ascii_strtoll (number, NULL, 10));
      }
    default:
      break;
    }
  if (!json_parser_load_from_data (parser, text, length, NULL) || json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

/* The length of the JSON value at *@p, an element of an array as SQLite
 * writes it (without spaces); *@p moves on to the next one. */
static gsize
next_element (const char **p)
{
  const char *start = *p;
  const char *s = start;
  int depth = 0;

  for (; *s != '\0'; s++)
    {
      if (*s == '"')
        {
          for (s++; *s != '\0' && *s != '"'; s++)
            if (*s == '\\' && s[1] != '\0')
              s++;
          if (*s == '\0')
            break;
        }
      else if (*s == '[' || *s == '{')
        depth++;
      else if ((*s == ']' || *s == '}') && depth-- == 0)
        break;
      else if (*s == ',' && depth == 0)
        break;
    }
  *p = *s == ',' ? s + 1 : s;
  return s - start;
}

/* Each row's values: @n_values slots, of which the statement gives the
 * @n_read at @slots. Those that are not tables (@tables) come first, in
 * one column, in that order: as the JSON array of json_extract() with a
 * path for each, or the JSON text of -> for one alone. The tables follow,
 * as json_type() and json_extract() each. */
static gboolean
foreach_row (GkDbStatement    *stmt,
             guint             n_values,
             const guint      *slots,
             const gboolean   *tables,
             guint             n_read,
             GkReportRowFunc   func,
             gpointer          user_data,
             GError          **error)
{
  g_autofree JsonNode **values = g_new0 (JsonNode *, n_values + 1);
  g_autoptr(JsonParser) parser = n_read > 0 ? json_parser_new () : NULL;
  guint n_scalars = 0;
  GError *local_error = NULL;

  for (guint i = 0; i < n_read; i++)
    if (!tables[i])
      n_scalars++;
  while (gk_db_statement_step (stmt, &local_error))
    {
      GkReportRecordRow row = {
        .item_id = gk_db_statement_get_int64 (stmt, 0),
        .item_name = gk_db_statement_get_text (stmt, 1),
        .domain = gk_db_statement_get_text (stmt, 2),
        .domain_name = gk_db_statement_get_text (stmt, 3),
        .title = gk_db_statement_get_text (stmt, 4),
        .unit_name = gk_db_statement_get_text (stmt, 5),
        .index_no = gk_db_statement_get_text (stmt, 6),
        .doc_no = gk_db_statement_get_text (stmt, 7),
        .formed_on = gk_db_statement_get_text (stmt, 8),
        .due_on = gk_db_statement_get_text (stmt, 9),
        .published_on = gk_db_statement_get_text (stmt, 10),
        .status = gk_db_statement_get_text (stmt, 11),
        .mode = gk_db_statement_get_text (stmt, 12),
        .exemption = gk_db_statement_get_text (stmt, 13),
        .late_workdays = gk_db_statement_get_int64 (stmt, 14),
        .values = values,
        .n_values = n_values,
      };
      const char *scalars = n_scalars > 0 ? gk_db_statement_get_text (stmt, N_ROW_COLUMNS) : NULL;
      int col = N_ROW_COLUMNS + (n_scalars > 0 ? 1 : 0);
      gboolean ok;

      /* Several values come as an array: past its '['. */
      if (scalars != NULL && n_scalars > 1)
        scalars = scalars[0] == '[' ? scalars + 1 : NULL;
      for (guint i = 0; i < n_read; i++)
        {
          if (tables[i])
            {
              values[slots[i]] = value_node (stmt, col, parser);
              col += 2;
            }
          else if (scalars != NULL)
            {
              const char *start = scalars;
              gsize length = n_scalars > 1 ? next_element (&scalars) : strlen (scalars);

              values[slots[i]] = json_text_node (start, length, parser);
            }
        }
      ok = func (&row, user_data, error);
      for (guint i = 0; i < n_read; i++)
        g_clear_pointer (&values[slots[i]], json_node_unref);
      if (!ok)
        {
          gk_db_statement_reset (stmt);
          return FALSE;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

#define OVERDUE_SQL \
  "SELECT " ROW_COLUMNS ", CASE WHEN r.published_on > r.due_on THEN gk_workdays_late (r.due_on, r.published_on) END " \
  "FROM records r JOIN " ROW_FROM \
  "WHERE r.domain <> 'request' AND r.due_on BETWEEN ?1 AND ?2 AND " IN_SCOPE \
  "  AND (r.published_on > r.due_on OR (r.published_on IS NULL AND r.due_on < ?5)) " \
  "ORDER BY u.position IS NULL, u.position, u.name, d.position, r.due_on, r.id"

gboolean
gk_store_report_foreach_overdue (GkStore          *self,
                                 int               year,
                                 gint64            unit_id,
                                 const char       *as_of,
                                 GkReportRowFunc   func,
                                 gpointer          user_data,
                                 GError          **error)
{
  GkDbStatement *stmt = prepare_year (self, OVERDUE_SQL, year, unit_id, error);

  if (stmt == NULL || !gk_db_statement_bind_text (stmt, 5, as_of, error))
    return FALSE;
  return foreach_row (stmt, 0, NULL, NULL, 0, func, user_data, error);
}

/* The records the year touched: formed, due or published in it. */
#define TOUCHED_IN_YEAR \
  " (r.formed_on BETWEEN ?1 AND ?2 OR r.due_on BETWEEN ?1 AND ?2 OR r.published_on BETWEEN ?1 AND ?2) "

#define USED_KEYS_SQL \
  "SELECT j.key FROM records r INDEXED BY records_report, json_each (r.fields) j " \
  "WHERE r.domain = ?5 AND r.item_id = ?6 AND " IN_SCOPE " AND " TOUCHED_IN_YEAR \
  "  AND j.type <> 'null' AND j.value <> '' AND j.value <> '[]'"

GHashTable *
gk_store_report_used_keys (GkStore     *self,
                           int          year,
                           const char  *domain,
                           gint64       item_id,
                           gint64       unit_id,
                           GHashTable  *keys,
                           GError     **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GkDbStatement *stmt;
  GError *local_error = NULL;

  if (g_hash_table_size (keys) == 0)
    return g_steal_pointer (&used);
  stmt = prepare_year (self, USED_KEYS_SQL, year, unit_id, error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 5, domain, error) ||
      !gk_db_statement_bind_int64 (stmt, 6, item_id, error))
    return NULL;
  while (gk_db_statement_step (stmt, &local_error))
    {
      const char *key = gk_db_statement_get_text (stmt, 0);

      if (!g_hash_table_contains (keys, key) || g_hash_table_contains (used, key))
        continue;
      g_hash_table_add (used, g_strdup (key));
      /* Most records fill most fields: the first few records say it all. */
      if (g_hash_table_size (used) == g_hash_table_size (keys))
        {
          gk_db_statement_reset (stmt);
          break;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&used);
}

/* The items of @domain's records, in catalog order. */
#define LEDGER_ITEMS_SQL \
  "SELECT i.id FROM catalog_items i " \
  "WHERE i.id IN (SELECT r.item_id FROM records r INDEXED BY records_report WHERE r.domain = ?1) " \
  "ORDER BY i.position, i.id"

/* One item's records of the year in formation order, which is the order of
 * records_report: no sorting, and only the records kept are read from the
 * table. Value i's path is ?(7 + 3i). The values that are not tables come
 * first, in one call: json_extract() with several paths gives their JSON
 * texts as one array, -> the one alone; SQLite parses a record's fields
 * once for all of them. A table whose first column is asked for
 * (@tables[i]) comes as json_type() then that column only (its name
 * ?(8 + 3i), its path within a row ?(9 + 3i)), one object per row: all the
 * ledger shows of a table, and a fraction of the text to parse. The rows
 * are walked in the record's parsed fields, and each row's column looked
 * up there, rather than each row written out as JSON text and parsed
 * again. */
static char *
ledger_sql (guint           n_read,
            const gboolean *tables)
{
  GString *sql = g_string_new ("SELECT " ROW_COLUMNS ", 0");
  guint n_scalars = 0;

  for (guint i = 0; i < n_read; i++)
    if (!tables[i])
      n_scalars++;
  if (n_scalars > 0)
    g_string_append (sql, n_scalars == 1 ? ", r.fields -> " : ", json_extract (r.fields");
  for (guint i = 0; i < n_read; i++)
    if (!tables[i])
      g_string_append_printf (sql, n_scalars == 1 ? "?%u" : ", ?%u", 7 + 3 * i);
  if (n_scalars > 1)
    g_string_append (sql, ")");

  for (guint i = 0; i < n_read; i++)
    {
      guint key = 7 + 3 * i;

      if (!tables[i])
        continue;
      g_string_append_printf (sql, ", json_type (r.fields, ?%u), CASE WHEN json_type (r.fields, ?%u) = 'array' "
                                   "THEN (SELECT json_group_array (json_object (?%u, "
                                   "        json_extract (r.fields, ?%u || '[' || j.key || ']' || ?%u))) "
                                   "      FROM json_each (r.fields, ?%u) j) "
                                   "ELSE json_extract (r.fields, ?%u) END",
                              key, key, key + 1, key, key + 2, key, key);
    }
  g_string_append (sql, " FROM records r INDEXED BY records_report JOIN " ROW_FROM
                        "WHERE r.domain = ?5 AND r.item_id = ?6 AND " IN_SCOPE " AND " TOUCHED_IN_YEAR
                        "ORDER BY r.formed_on, r.id");
  return g_string_free (sql, FALSE);
}

/* Quoted: a field id may hold what a JSON path gives a meaning to. */
static char *
member_path (const char *id)
{
  return g_strdup_printf ("$.\"%s\"", id);
}

/* One item's records, with the values of the keys at @slots. */
static gboolean
foreach_item_record (GkStore             *self,
                     int                  year,
                     const char          *domain,
                     gint64               item_id,
                     gint64               unit_id,
                     const char * const  *keys,
                     guint                n_values,
                     const char * const  *table_columns,
                     GArray              *slots,
                     GkReportRowFunc      func,
                     gpointer             user_data,
                     GError             **error)
{
  guint n_read = slots != NULL ? slots->len : 0;
  g_autofree gboolean *tables = g_new0 (gboolean, n_read + 1);
  g_autofree char *sql = NULL;
  GkDbStatement *stmt;

  for (guint i = 0; i < n_read; i++)
    tables[i] = table_columns != NULL && table_columns[g_array_index (slots, guint, i)] != NULL;
  sql = ledger_sql (n_read, tables);
  stmt = prepare_year (self, sql, year, unit_id, error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 5, domain, error) ||
      !gk_db_statement_bind_int64 (stmt, 6, item_id, error))
    return FALSE;
  for (guint i = 0; i < n_read; i++)
    {
      guint k = g_array_index (slots, guint, i);
      g_autofree char *path = member_path (keys[k]);
      g_autofree char *column_path = NULL;

      if (!gk_db_statement_bind_text (stmt, 7 + 3 * i, path, error))
        return FALSE;
      if (!tables[i])
        continue;
      column_path = g_strdup_printf (".\"%s\"", table_columns[k]);
      if (!gk_db_statement_bind_text (stmt, 8 + 3 * i, table_columns[k], error) ||
          !gk_db_statement_bind_text (stmt, 9 + 3 * i, column_path, error))
        return FALSE;
    }
  return foreach_row (stmt, n_values, n_read > 0 ? (const guint *) slots->data : NULL, tables, n_read,
                      func, user_data, error);
}

gboolean
gk_store_report_foreach_record (GkStore            *self,
                                int                 year,
                                const char         *domain,
                                gint64              unit_id,
                                const char * const *keys,
                                const char * const *table_columns,
                                GHashTable         *item_keys,
                                GkReportRowFunc     func,
                                gpointer            user_data,
                                GError            **error)
{
  g_autoptr(GArray) items = NULL;
  guint n_values = keys != NULL ? g_strv_length ((char **) keys) : 0;
  GkDbStatement *stmt = gk_db_prepare (gk_store_get_db (self), LEDGER_ITEMS_SQL, error);

  if (stmt == NULL || !gk_db_statement_bind_text (stmt, 1, domain, error))
    return FALSE;
  items = gk_db_statement_collect_int64 (stmt, error);
  if (items == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      gint64 id = g_array_index (items, gint64, i);

      if (!foreach_item_record (self, year, domain, id, unit_id, keys, n_values, table_columns,
                                item_keys != NULL ? g_hash_table_lookup (item_keys, &id) : NULL,
                                func, user_data, error))
        return FALSE;
    }
  return TRUE;
}
