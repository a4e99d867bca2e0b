/* gk-schema-tsv.c: rows pasted from a spreadsheet into a table field. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gk-schema-private.h"

/* Spreadsheets copy cells with tabs and newlines between them and quote a
 * cell that holds a tab, a newline or a quote ("a ""b"" c"). */
static GPtrArray *
read_tsv (const char *tsv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  gboolean in_quotes = FALSE;
  gboolean cell_started = FALSE;

  for (const char *p = tsv; *p != '\0'; p++)
    {
      if (in_quotes)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (*p == '"')
            in_quotes = FALSE;
          else
            g_string_append_c (cell, *p);
          continue;
        }

      if (*p == '"' && !cell_started)
        {
          in_quotes = TRUE;
          cell_started = TRUE;
        }
      else if (*p == '\t')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
          cell = g_string_new (NULL);
          cell_started = FALSE;
        }
      else if (*p == '\n' || *p == '\r')
        {
          if (*p == '\r' && p[1] == '\n')
            p++;
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          cell = g_string_new (NULL);
          cell_started = FALSE;
        }
      else
        {
          g_string_append_c (cell, *p);
          cell_started = TRUE;
        }
    }

  if (cell->len > 0 || row->len > 0)
    {
      g_ptr_array_add (row, g_string_free (g_steal_pointer (&cell), FALSE));
      g_ptr_array_add (rows, row);
    }
  else
    {
      g_string_free (cell, TRUE);
      g_ptr_array_unref (row);
    }

  return rows;
}

static gboolean
row_is_blank (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (!gk_text_is_blank (g_ptr_array_index (row, i)))
      return FALSE;
  return TRUE;
}

static const GkField *
column_for_header (const GkField *table,
                   const char    *header)
{
  g_autoptr(GkValidation) trimmed = gk_validate_required (header);

  for (guint i = 0; i < table->columns->len; i++)
    {
      const GkField *column = g_ptr_array_index (table->columns, i);

      if (strcmp (column->label, trimmed->normalized) == 0 || strcmp (column->id, trimmed->normalized) == 0)
        return column;
    }

  return NULL;
}

JsonNode *
gk_field_parse_tsv (const GkField *table,
                    const char    *tsv,
                    GPtrArray     *issues)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) mapping = g_ptr_array_new ();
  g_autoptr(JsonArray) rows = json_array_new ();
  g_autoptr(GPtrArray) own_issues = NULL;
  JsonNode *result;
  guint first = 0;

  g_return_val_if_fail (table != NULL && table->kind == GK_FIELD_TABLE, NULL);

  if (issues == NULL)
    issues = own_issues = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_issue_free);

  lines = read_tsv (tsv != NULL ? tsv : "");
  while (first < lines->len && row_is_blank (g_ptr_array_index (lines, first)))
    first++;

  /* A header row names its columns, possibly in another order. */
  if (first < lines->len)
    {
      GPtrArray *header = g_ptr_array_index (lines, first);
      gboolean is_header = TRUE;

      for (guint i = 0; i < header->len && is_header; i++)
        {
          const char *cell = g_ptr_array_index (header, i);

          if (!gk_text_is_blank (cell) && column_for_header (table, cell) == NULL)
            is_header = FALSE;
        }

      if (is_header)
        {
          for (guint i = 0; i < header->len; i++)
            g_ptr_array_add (mapping, (gpointer) column_for_header (table, g_ptr_array_index (header, i)));
          first++;
        }
    }

  if (mapping->len == 0)
    {
      for (guint i = 0; i < table->columns->len; i++)
        {
          const GkField *column = g_ptr_array_index (table->columns, i);

          if (!column->retired)
            g_ptr_array_add (mapping, (gpointer) column);
        }
    }

  for (guint l = first; l < lines->len; l++)
    {
      GPtrArray *cells = g_ptr_array_index (lines, l);
      g_autoptr(JsonObject) row = NULL;
      GkIssuePlace place = { issues, table->id, -1, NULL };
      gboolean extra = FALSE;

      if (row_is_blank (cells))
        continue;

      place.row = (int) json_array_get_length (rows);
      row = json_object_new ();
      for (guint c = 0; c < cells->len; c++)
        {
          const char *cell = g_ptr_array_index (cells, c);
          const GkField *column = c < mapping->len ? g_ptr_array_index (mapping, c) : NULL;
          g_autoptr(GkValidation) check = NULL;
          JsonNode *value = NULL;

          if (gk_text_is_blank (cell))
            continue;
          if (column == NULL)
            {
              extra = TRUE;
              continue;
            }

          check = gk_field_parse_text (column, cell, &value);
          if (value != NULL)
            json_object_set_member (row, column->id, value);
          if (check->severity != GK_SEVERITY_OK)
            {
              place.column_id = column->id;
              gk_issue_place_add (&place, check->severity, check->message);
            }
        }

      place.column_id = NULL;
      if (extra)
        gk_issue_place_add (&place, GK_SEVERITY_WARNING, _("Cells beyond the table’s columns were left out"));
      json_array_add_object_element (rows, g_steal_pointer (&row));
    }

  result = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (result, rows);
  return result;
}
