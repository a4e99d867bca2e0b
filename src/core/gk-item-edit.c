/* gk-item-edit.c: a catalog item as its editor shows it: the deadline rule as a choice, channels checked one by one, field kinds in words. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gk-deadline.h"
#include "gk-item-edit.h"

gboolean
gk_item_rule_read (const char        *rule,
                   GkItemRuleChoice  *choice,
                   guint             *workdays,
                   GError           **error)
{
  GkDeadlineRule parsed;

  g_return_val_if_fail (choice != NULL && workdays != NULL, FALSE);

  if (g_strcmp0 (rule, GK_ITEM_RULE_REQUEST) == 0)
    {
      *choice = GK_ITEM_RULE_CHOICE_REQUEST;
      *workdays = 0;
      return TRUE;
    }
  if (g_strcmp0 (rule, GK_ITEM_RULE_NONE) == 0)
    {
      *choice = GK_ITEM_RULE_CHOICE_NONE;
      *workdays = 0;
      return TRUE;
    }
  if (!gk_deadline_rule_parse (rule != NULL ? rule : "", &parsed, error))
    return FALSE;

  switch (parsed.kind)
    {
    case GK_DEADLINE_PROACTIVE:
      *choice = GK_ITEM_RULE_CHOICE_PROACTIVE;
      break;
    case GK_DEADLINE_DECISION:
      *choice = GK_ITEM_RULE_CHOICE_DECISION;
      break;
    case GK_DEADLINE_DAYS:
      *choice = GK_ITEM_RULE_CHOICE_DAYS;
      break;
    case GK_DEADLINE_CUSTOM:
    default:
      *choice = GK_ITEM_RULE_CHOICE_WORKDAYS;
      break;
    }
  *workdays = gk_deadline_rule_get_workdays (&parsed);
  return TRUE;
}

char *
gk_item_rule_build (GkItemRuleChoice choice,
                    guint            workdays)
{
  return gk_item_rule_build_from (choice, workdays, NULL);
}

char *
gk_item_rule_build_from (GkItemRuleChoice  choice,
                         guint             workdays,
                         const char       *previous)
{
  GkDeadlineRule rule = { 0, };

  /* An unreadable or request rule has nothing to keep. */
  if (previous == NULL || !gk_deadline_rule_parse (previous, &rule, NULL))
    memset (&rule, 0, sizeof rule);
  rule.kind = GK_DEADLINE_CUSTOM;
  rule.workdays = CLAMP (workdays, 1, GK_DEADLINE_CUSTOM_MAX_WORKDAYS);

  switch (choice)
    {
    case GK_ITEM_RULE_CHOICE_PROACTIVE:
      rule.kind = GK_DEADLINE_PROACTIVE;
      break;
    case GK_ITEM_RULE_CHOICE_DECISION:
      rule.kind = GK_DEADLINE_DECISION;
      break;
    case GK_ITEM_RULE_CHOICE_WORKDAYS:
      break;
    case GK_ITEM_RULE_CHOICE_DAYS:
      rule.kind = GK_DEADLINE_DAYS;
      break;
    case GK_ITEM_RULE_CHOICE_REQUEST:
      return g_strdup (GK_ITEM_RULE_REQUEST);
    case GK_ITEM_RULE_CHOICE_NONE:
      return g_strdup (GK_ITEM_RULE_NONE);
    case GK_ITEM_RULE_N_CHOICES:
    default:
      g_return_val_if_reached (NULL);
    }

  return gk_deadline_rule_to_string (&rule);
}

char *
gk_item_dup_start_label (GkItem *item)
{
  GkDeadlineRule rule;
  GkSchema *schema;
  const GkField *field;

  g_return_val_if_fail (GK_IS_ITEM (item), NULL);

  if (gk_item_get_deadline_rule (item) == NULL ||
      !gk_deadline_rule_parse (gk_item_get_deadline_rule (item), &rule, NULL) ||
      rule.start_field[0] == '\0')
    return NULL;

  schema = gk_item_get_schema (item);
  field = schema != NULL ? gk_schema_lookup_field (schema, rule.start_field) : NULL;
  return g_strdup (field != NULL ? field->label : rule.start_field);
}

const char *
gk_item_rule_choice_describe (GkItemRuleChoice choice)
{
  switch (choice)
    {
    case GK_ITEM_RULE_CHOICE_PROACTIVE:
      return _("20 working days from forming or change");
    case GK_ITEM_RULE_CHOICE_DECISION:
      return _("7 working days from the decision");
    case GK_ITEM_RULE_CHOICE_WORKDAYS:
      return _("Another number of working days");
    case GK_ITEM_RULE_CHOICE_DAYS:
      return _("A number of calendar days (a rest day moves the last one)");
    case GK_ITEM_RULE_CHOICE_REQUEST:
      return _("The reply period of a request");
    case GK_ITEM_RULE_CHOICE_NONE:
      return _("No deadline");
    case GK_ITEM_RULE_N_CHOICES:
    default:
      g_return_val_if_reached (NULL);
    }
}

GkValidation *
gk_item_check_channel (const char * const *channels,
                       guint               index)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (channels != NULL && index < g_strv_length ((GStrv) channels), NULL);

  name = g_strstrip (g_strdup (channels[index]));
  if (*name == '\0')
    return gk_validation_new (GK_SEVERITY_ERROR, name, _("A channel needs a name."));

  for (guint i = 0; i < index; i++)
    {
      g_autofree char *other = g_strstrip (g_strdup (channels[i]));

      if (strcmp (other, name) == 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is listed twice."), name);

          return gk_validation_new (GK_SEVERITY_ERROR, name, message);
        }
    }

  return gk_validation_new (GK_SEVERITY_OK, name, NULL);
}

GStrv
gk_item_split_list (const char *text,
                    const char *separators)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *start = text != NULL ? text : "";

  g_return_val_if_fail (separators != NULL, NULL);

  for (const char *p = start;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_utf8_strchr (separators, -1, c) != NULL)
        {
          g_autofree char *part = g_strstrip (g_strndup (start, p - start));

          if (*part != '\0')
            g_strv_builder_add (builder, part);
          if (c == 0)
            break;
          start = g_utf8_next_char (p);
        }
    }

  return g_strv_builder_end (builder);
}

const char *
gk_field_kind_describe (GkFieldKind kind)
{
  switch (kind)
    {
    case GK_FIELD_TEXT:
      return _("Text");
    case GK_FIELD_LONGTEXT:
      return _("Long text");
    case GK_FIELD_MONEY:
      return _("Money");
    case GK_FIELD_DATE:
      return _("Date");
    case GK_FIELD_DATETIME:
      return _("Date and time");
    case GK_FIELD_INTEGER:
      return _("Whole number");
    case GK_FIELD_DECIMAL:
      return _("Decimal number");
    case GK_FIELD_CHOICE:
      return _("Choice");
    case GK_FIELD_USCC:
      return _("Unified social credit code");
    case GK_FIELD_IDCARD:
      return _("ID card number");
    case GK_FIELD_ORGCODE:
      return _("Organization code");
    case GK_FIELD_PROJECTCODE:
      return _("Investment project code");
    case GK_FIELD_PHONE:
      return _("Phone number");
    case GK_FIELD_URL:
      return _("Web address");
    case GK_FIELD_TABLE:
      return _("Table");
    default:
      return _("Unknown");
    }
}

gboolean
gk_field_kind_can_add (GkFieldKind kind)
{
  return gk_field_kind_to_string (kind) != NULL && kind != GK_FIELD_CHOICE && kind != GK_FIELD_TABLE;
}
