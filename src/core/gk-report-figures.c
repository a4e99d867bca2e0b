/* gk-report-figures.c: the annual report's figures the ledger cannot count, one set per year. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-money.h"
#include "gk-report-figures.h"

#define FORMAT_VERSION 1

G_DEFINE_QUARK (gk-report-figures-error-quark, gk_report_figures_error)

/* The members of the JSON document that hold counts, and where they go. */
typedef struct
{
  const char *member;
  gsize offset;
} CountMember;

static const CountMember counts[] = {
  { "rules-issued", G_STRUCT_OFFSET (GkReportFigures, rules_issued) },
  { "rules-repealed", G_STRUCT_OFFSET (GkReportFigures, rules_repealed) },
  { "rules-in-force", G_STRUCT_OFFSET (GkReportFigures, rules_in_force) },
  { "normative-issued", G_STRUCT_OFFSET (GkReportFigures, normative_issued) },
  { "normative-repealed", G_STRUCT_OFFSET (GkReportFigures, normative_repealed) },
  { "normative-in-force", G_STRUCT_OFFSET (GkReportFigures, normative_in_force) },
  { "licensing-decisions", G_STRUCT_OFFSET (GkReportFigures, licensing_decisions) },
  { "penalty-decisions", G_STRUCT_OFFSET (GkReportFigures, penalty_decisions) },
  { "coercion-decisions", G_STRUCT_OFFSET (GkReportFigures, coercion_decisions) },
  { "fees-fen", G_STRUCT_OFFSET (GkReportFigures, fees_fen) },
};

#define COUNT_AT(figures, i) G_STRUCT_MEMBER (gint64, figures, counts[i].offset)

GkReportFigures *
gk_report_figures_new (int year)
{
  GkReportFigures *figures = g_new0 (GkReportFigures, 1);

  figures->year = year;
  figures->overview = g_strdup ("");
  figures->problems = g_strdup ("");
  figures->other = g_strdup ("");
  return figures;
}

void
gk_report_figures_free (GkReportFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->overview);
  g_free (figures->problems);
  g_free (figures->other);
  g_free (figures);
}

gboolean
gk_report_figures_check (const GkReportFigures  *figures,
                         GError                **error)
{
  gint64 sum = 0;

  g_return_val_if_fail (figures != NULL, FALSE);

  if (figures->year < GK_REPORT_FIRST_YEAR || figures->year > 9999)
    {
      g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                   _("The national report format applies from %d on, not to %d"),
                   GK_REPORT_FIRST_YEAR, figures->year);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (COUNT_AT (figures, i) < 0)
      {
        g_set_error_literal (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                             _("The report's figures cannot be negative"));
        return FALSE;
      }

  /* The fees are shown in 万元 to four decimals: whole 元. */
  if (figures->fees_fen % GK_FEN_PER_YUAN != 0)
    {
      g_set_error_literal (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                           _("The fees are reported in 10,000 yuan with at most four decimals"));
      return FALSE;
    }

  if (!figures->has_carried_over)
    return TRUE;

  for (guint i = 0; i < GK_APPLICANT_N_COLUMNS; i++)
    if (figures->carried_over[i] < 0)
      {
        g_set_error_literal (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                             _("The report's figures cannot be negative"));
        return FALSE;
      }

  for (guint i = 0; i < GK_APPLICANT_TOTAL; i++)
    sum += figures->carried_over[i];
  if (sum != figures->carried_over[GK_APPLICANT_TOTAL])
    {
      g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, figures->carried_over[GK_APPLICANT_TOTAL]);
      g_autofree char *columns = g_strdup_printf ("%" G_GINT64_FORMAT, sum);

      g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                   _("The carried-over total is %s, but its columns add up to %s"), total, columns);
      return FALSE;
    }

  return TRUE;
}

gboolean
gk_report_figures_lookup (const GkReportFigures *figures,
                          const char            *member,
                          gint64                *out_value)
{
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (g_strcmp0 (counts[i].member, member) == 0)
      {
        *out_value = COUNT_AT (figures, i);
        return TRUE;
      }
  return FALSE;
}

char *
gk_report_figures_to_json (const GkReportFigures *figures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, figures->year);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].member);
      json_builder_add_int_value (builder, COUNT_AT (figures, i));
    }
  json_builder_set_member_name (builder, "carried-over");
  if (figures->has_carried_over)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < GK_APPLICANT_N_COLUMNS; i++)
        json_builder_add_int_value (builder, figures->carried_over[i]);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "overview");
  json_builder_add_string_value (builder, figures->overview != NULL ? figures->overview : "");
  json_builder_set_member_name (builder, "problems");
  json_builder_add_string_value (builder, figures->problems != NULL ? figures->problems : "");
  json_builder_set_member_name (builder, "other");
  json_builder_add_string_value (builder, figures->other != NULL ? figures->other : "");
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
read_count (JsonNode    *node,
            const char  *member,
            gint64      *out,
            GError     **error)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = 0;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0)
    {
      g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                   _("The report figure “%s” is not a whole number of 0 or more"), member);
      return FALSE;
    }

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_text (JsonObject  *object,
           const char  *member,
           char       **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  g_free (*out);
  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = g_strdup ("");
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                   _("The report text “%s” is not text"), member);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

GkReportFigures *
gk_report_figures_from_json (const char  *json,
                             int          year,
                             GError     **error)
{
  g_autoptr(GkReportFigures) figures = gk_report_figures_new (year);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;
  JsonNode *carried;

  root = json_from_string (json, &parse_error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                   _("The report figures of %d are damaged"), year);
      return NULL;
    }
  object = json_node_get_object (root);

  if (json_object_get_int_member_with_default (object, "year", year) != year)
    {
      g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                   _("The report figures stored for %d name another year"), year);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (!read_count (json_object_get_member (object, counts[i].member), counts[i].member,
                     &COUNT_AT (figures, i), error))
      return NULL;

  carried = json_object_get_member (object, "carried-over");
  if (carried != NULL && JSON_NODE_HOLDS_ARRAY (carried))
    {
      JsonArray *array = json_node_get_array (carried);

      if (json_array_get_length (array) != GK_APPLICANT_N_COLUMNS)
        {
          g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                       _("The carried-over row needs %d numbers"), GK_APPLICANT_N_COLUMNS);
          return NULL;
        }
      figures->has_carried_over = TRUE;
      for (guint i = 0; i < GK_APPLICANT_N_COLUMNS; i++)
        if (!read_count (json_array_get_element (array, i), "carried-over", &figures->carried_over[i], error))
          return NULL;
    }

  if (!read_text (object, "overview", &figures->overview, error) ||
      !read_text (object, "problems", &figures->problems, error) ||
      !read_text (object, "other", &figures->other, error))
    return NULL;

  if (!gk_report_figures_check (figures, error))
    return NULL;

  return g_steal_pointer (&figures);
}

gboolean
gk_report_parse_count (const char  *text,
                       gint64      *out_count,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 count = 0;

  if (!gk_decimal_parse (text, 0, GK_MONEY_PARSE_ALLOW_NEGATIVE, &count, &local_error))
    {
      if (g_error_matches (local_error, GK_MONEY_ERROR, GK_MONEY_ERROR_EMPTY))
        g_set_error_literal (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                             _("Enter a number, 0 if there were none"));
      else
        g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                     _("“%s” is not a count: enter a whole number such as 12"), text);
      return FALSE;
    }

  if (count < 0)
    {
      g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                   _("“%s”: a count cannot be negative"), text);
      return FALSE;
    }

  if (out_count != NULL)
    *out_count = count;
  return TRUE;
}

gboolean
gk_report_parse_fees (const char  *text,
                      gint64      *out_fen,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 yuan = 0;

  /* Four decimals of 万元 are whole 元. */
  if (!gk_decimal_parse (text, 4, GK_MONEY_PARSE_ALLOW_NEGATIVE, &yuan, &local_error))
    {
      if (g_error_matches (local_error, GK_MONEY_ERROR, GK_MONEY_ERROR_EMPTY))
        g_set_error_literal (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                             _("Enter an amount, 0 if nothing was charged"));
      else if (g_error_matches (local_error, GK_MONEY_ERROR, GK_MONEY_ERROR_TOO_MANY_DECIMALS))
        g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                     _("“%s” has more than four decimals: the amount is in 10,000 yuan, to the yuan"), text);
      else
        g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                     _("“%s” is not an amount: enter 10,000 yuan, such as 12.5"), text);
      return FALSE;
    }

  if (yuan < 0)
    {
      g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                   _("“%s”: the amount cannot be negative"), text);
      return FALSE;
    }

  if (yuan > G_MAXINT64 / GK_FEN_PER_YUAN)
    {
      g_set_error (error, GK_REPORT_FIGURES_ERROR, GK_REPORT_FIGURES_ERROR_INVALID,
                   _("“%s” is too large"), text);
      return FALSE;
    }

  if (out_fen != NULL)
    *out_fen = yuan * GK_FEN_PER_YUAN;
  return TRUE;
}

char *
gk_report_format_fees (gint64 fen)
{
  char *text = gk_money_format_wan (fen, 4, FALSE);
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '0' && strchr (text, '.') != NULL)
    text[--len] = '\0';
  if (len > 0 && text[len - 1] == '.')
    text[--len] = '\0';
  return text;
}
