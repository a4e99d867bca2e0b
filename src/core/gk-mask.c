/* gk-mask.c: masking of personal data (ID numbers, phone numbers, names) in public outputs, DOMAIN.md §6. */
#include "config.h"

#include <string.h>

#include "gk-mask.h"

void
gk_mask_policy_init_default (GkMaskPolicy *policy)
{
  g_return_if_fail (policy != NULL);

  policy->idcard_head = 6;
  policy->idcard_tail = 4;
  policy->phone_head = 3;
  policy->phone_tail = 4;
  policy->text_head = 1;
  policy->text_tail = 0;
  policy->mask_char = '*';
}

static const GkMaskPolicy *
policy_or_default (const GkMaskPolicy *policy,
                   GkMaskPolicy       *storage)
{
  if (policy != NULL)
    return policy;
  gk_mask_policy_init_default (storage);
  return storage;
}

/* A value too short to keep @head + @tail readable characters is masked
 * whole: showing all of a two-character name would defeat the mask. */
char *
gk_mask_keep (const char *value,
              guint       head,
              guint       tail,
              gunichar    mask_char)
{
  GString *out;
  glong n;
  glong i = 0;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return g_strdup ("");

  if (mask_char == 0)
    mask_char = '*';

  n = g_utf8_strlen (value, -1);
  if ((glong) head + (glong) tail >= n)
    head = tail = 0;

  out = g_string_sized_new (strlen (value));
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      if (i < (glong) head || i >= n - (glong) tail)
        g_string_append_unichar (out, g_utf8_get_char (p));
      else
        g_string_append_unichar (out, mask_char);
    }

  return g_string_free (out, FALSE);
}

char *
gk_mask_idcard (const char         *value,
                const GkMaskPolicy *policy)
{
  GkMaskPolicy storage;
  g_autofree char *code = gk_normalize_code (value);

  policy = policy_or_default (policy, &storage);
  return gk_mask_keep (code, policy->idcard_head, policy->idcard_tail, policy->mask_char);
}

char *
gk_mask_phone (const char         *value,
               const GkMaskPolicy *policy)
{
  GkMaskPolicy storage;
  g_autoptr(GkValidation) check = gk_validate_phone (value);
  const char *number = check->normalized;
  const char *dash;

  policy = policy_or_default (policy, &storage);

  if (number[0] == '1' && strlen (number) == 11 && check->severity == GK_SEVERITY_OK)
    return gk_mask_keep (number, policy->phone_head, policy->phone_tail, policy->mask_char);

  /* A landline keeps its area code (a place, not a person); its extension goes. */
  dash = strchr (number, '-');
  if (number[0] == '0' && dash != NULL && check->severity == GK_SEVERITY_OK)
    {
      g_autofree char *subscriber = g_strdup (dash + 1);
      g_autofree char *masked = NULL;
      char *ext = strstr (subscriber, "转");

      if (ext != NULL)
        *ext = '\0';
      masked = gk_mask_keep (subscriber, 0, policy->phone_tail, policy->mask_char);
      return g_strdup_printf ("%.*s-%s", (int) (dash - number), number, masked);
    }

  return gk_mask_keep (number, 0, policy->phone_tail, policy->mask_char);
}

char *
gk_mask_value (GkFieldKind         kind,
               const char         *value,
               const GkMaskPolicy *policy)
{
  GkMaskPolicy storage;

  policy = policy_or_default (policy, &storage);

  switch (kind)
    {
    case GK_FIELD_IDCARD:
      return gk_mask_idcard (value, policy);
    case GK_FIELD_PHONE:
      return gk_mask_phone (value, policy);
    case GK_FIELD_TEXT:
    case GK_FIELD_LONGTEXT:
    case GK_FIELD_CHOICE:
      return gk_mask_keep (value, policy->text_head, policy->text_tail, policy->mask_char);
    case GK_FIELD_MONEY:
    case GK_FIELD_DATE:
    case GK_FIELD_DATETIME:
    case GK_FIELD_INTEGER:
    case GK_FIELD_DECIMAL:
    case GK_FIELD_USCC:
    case GK_FIELD_ORGCODE:
    case GK_FIELD_PROJECTCODE:
    case GK_FIELD_URL:
    case GK_FIELD_TABLE:
    default:
      return gk_mask_keep (value, 0, 0, policy->mask_char);
    }
}
