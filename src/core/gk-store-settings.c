/* gk-store-settings.c: values the clerk sets in Preferences, kept in the ledger's settings table. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-settings.h"
#include "gk-store-private.h"

/* What a new ledger offers when an item names no channel. */
static const char * const builtin_channels[] = {
  "政府门户网站",
  "政务新媒体",
  "公开查阅点",
  "公告栏",
  NULL,
};

/* ------------------------------------------------------------------ */
/* Any value                                                           */

char *
gk_store_get_setting (GkStore     *self,
                      const char  *key,
                      GError     **error)
{
  GkDbStatement *stmt;
  char *value = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = gk_db_prepare (self->db, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, key, error))
    return NULL;
  /* An unset key is NULL without an error. */
  if (gk_db_statement_step (stmt, error))
    {
      value = gk_db_statement_dup_text (stmt, 0);
      gk_db_statement_reset (stmt);
    }
  return value;
}

gboolean
gk_store_set_setting (GkStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(GError) read_error = NULL;
  g_autofree char *old = NULL;
  GkDbStatement *stmt;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  old = gk_store_get_setting (self, key, &read_error);
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }
  if (g_strcmp0 (old, value) == 0)
    return TRUE;

  if (value == NULL)
    stmt = gk_db_prepare (self->db, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = gk_db_prepare (self->db,
                          "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          error);
  if (stmt == NULL ||
      !gk_db_statement_bind_text (stmt, 1, key, error) ||
      (value != NULL && !gk_db_statement_bind_text (stmt, 2, value, error)) ||
      !gk_db_statement_step_done (stmt, error))
    return FALSE;

  gk_store_emit_settings_changed (self, key);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Default channels                                                    */

static char **
channels_from_json (const char *json)
{
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (names, json_node_get_string (element));
    }
  return g_strv_builder_end (names);
}

char **
gk_store_get_default_channels (GkStore  *self,
                               GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *json = gk_store_get_setting (self, GK_SETTING_DEFAULT_CHANNELS, &local_error);
  char **channels = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (json != NULL)
    channels = channels_from_json (json);
  /* Unset, or not a list (an edited file): the built-in channels. */
  if (channels == NULL)
    channels = g_strdupv ((char **) builtin_channels);
  return channels;
}

gboolean
gk_store_set_default_channels (GkStore             *self,
                               const char * const  *channels,
                               GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *json = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);

  if (channels == NULL)
    return gk_store_set_setting (self, GK_SETTING_DEFAULT_CHANNELS, NULL, error);

  json_builder_begin_array (builder);
  for (guint i = 0; channels[i] != NULL; i++)
    {
      char *name = g_strstrip (g_strdup (channels[i]));

      if (*name == '\0')
        {
          g_free (name);
          g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("A channel needs a name"));
          return FALSE;
        }
      if (!g_hash_table_add (seen, name))
        {
          g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, _("The channel “%s” is listed twice"), name);
          return FALSE;
        }
      json_builder_add_string_value (builder, name);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  return gk_store_set_setting (self, GK_SETTING_DEFAULT_CHANNELS, json, error);
}

gboolean
gk_item_takes_default_channels (GkItem *item)
{
  g_return_val_if_fail (GK_IS_ITEM (item), FALSE);

  if (g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_REQUEST) == 0 ||
      g_strcmp0 (gk_item_get_deadline_rule (item), GK_ITEM_RULE_NONE) == 0)
    return FALSE;

  return gk_item_get_channels (item)[0] == NULL;
}

/* ------------------------------------------------------------------ */
/* The disclosure guide's contacts                                     */

static const char *guide_keys[GK_GUIDE_N_FIELDS] = {
  [GK_GUIDE_OFFICE] = GK_SETTING_GUIDE_PREFIX "office",
  [GK_GUIDE_ADDRESS] = GK_SETTING_GUIDE_PREFIX "address",
  [GK_GUIDE_POSTCODE] = GK_SETTING_GUIDE_PREFIX "postcode",
  [GK_GUIDE_PHONE] = GK_SETTING_GUIDE_PREFIX "phone",
  [GK_GUIDE_FAX] = GK_SETTING_GUIDE_PREFIX "fax",
  [GK_GUIDE_EMAIL] = GK_SETTING_GUIDE_PREFIX "email",
  [GK_GUIDE_HOURS] = GK_SETTING_GUIDE_PREFIX "hours",
  [GK_GUIDE_WEBSITE] = GK_SETTING_GUIDE_PREFIX "website",
};

static gboolean
is_email (const char *text)
{
  return g_regex_match_simple ("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$",
                               text, 0, 0);
}

GkValidation *
gk_guide_validate (GkGuideField  field,
                   const char   *value)
{
  g_autofree char *folded = gk_fold_full_width (value != NULL ? value : "");
  g_autofree char *text = g_strstrip (g_strdup (folded));

  g_return_val_if_fail (field < GK_GUIDE_N_FIELDS, NULL);

  /* Not filled in yet: nothing to check. */
  if (*text == '\0')
    return gk_validation_new (GK_SEVERITY_OK, "", NULL);

  switch (field)
    {
    case GK_GUIDE_POSTCODE:
      {
        g_autofree char *code = gk_normalize_code (text);
        gboolean ok = strlen (code) == 6;

        for (guint i = 0; ok && code[i] != '\0'; i++)
          ok = g_ascii_isdigit (code[i]);
        if (!ok)
          return gk_validation_new (GK_SEVERITY_ERROR, code, _("A postal code has 6 digits, such as 050000"));
        return gk_validation_new (GK_SEVERITY_OK, code, NULL);
      }

    case GK_GUIDE_PHONE:
    case GK_GUIDE_FAX:
      return gk_validate_phone (text);

    case GK_GUIDE_EMAIL:
      if (!is_email (text))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not an email address, such as xxgk@example.gov.cn"), text);

          return gk_validation_new (GK_SEVERITY_ERROR, text, message);
        }
      return gk_validation_new (GK_SEVERITY_OK, text, NULL);

    case GK_GUIDE_WEBSITE:
      return gk_validate_url (text);

    case GK_GUIDE_OFFICE:
    case GK_GUIDE_ADDRESS:
    case GK_GUIDE_HOURS:
    case GK_GUIDE_N_FIELDS:
    default:
      /* Written as the clerk typed it, spaces at the ends aside. */
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (value));

        return gk_validation_new (GK_SEVERITY_OK, trimmed, NULL);
      }
    }
}

char *
gk_store_get_guide (GkStore       *self,
                    GkGuideField   field,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value;

  g_return_val_if_fail (field < GK_GUIDE_N_FIELDS, NULL);

  value = gk_store_get_setting (self, guide_keys[field], &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return value != NULL ? value : g_strdup ("");
}

gboolean
gk_store_set_guide (GkStore       *self,
                    GkGuideField   field,
                    const char    *value,
                    GError       **error)
{
  g_autoptr(GkValidation) check = NULL;

  g_return_val_if_fail (field < GK_GUIDE_N_FIELDS, FALSE);

  check = gk_guide_validate (field, value);
  if (check->severity == GK_SEVERITY_ERROR)
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID, check->message);
      return FALSE;
    }

  return gk_store_set_setting (self, guide_keys[field],
                               *check->normalized != '\0' ? check->normalized : NULL, error);
}

/* ------------------------------------------------------------------ */
/* Masks                                                               */

#define IDCARD_LENGTH 18
#define MOBILE_LENGTH 11
/* The end kept of a phone number also shows the subscriber part of a
 * landline, 7 or 8 digits long. */
#define PHONE_MAX_TAIL 4

static gboolean
check_idcard (guint    head,
              guint    tail,
              GError **error)
{
  /* A single hidden digit could be rebuilt from the check digit; keeping
   * the birth date's worth hidden leaves nothing to guess from. */
  if (head + tail > IDCARD_LENGTH - GK_MASK_IDCARD_MIN_HIDDEN)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("An ID number shows at most %u of its 18 characters (%u hidden): "
                     "%u at the start and %u at the end show too much"),
                   IDCARD_LENGTH - GK_MASK_IDCARD_MIN_HIDDEN, GK_MASK_IDCARD_MIN_HIDDEN, head, tail);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_phone (guint    head,
             guint    tail,
             GError **error)
{
  if (head + tail > MOBILE_LENGTH - GK_MASK_PHONE_MIN_HIDDEN || tail > PHONE_MAX_TAIL)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("A phone number keeps at least %u digits hidden and shows at most %u at the end"),
                   GK_MASK_PHONE_MIN_HIDDEN, PHONE_MAX_TAIL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_name (guint    head,
            guint    tail,
            GError **error)
{
  if (head + tail > GK_MASK_NAME_MAX_KEPT)
    {
      g_set_error (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                   _("A name shows at most %u characters"), GK_MASK_NAME_MAX_KEPT);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_mask_char (gunichar   c,
                 GError   **error)
{
  /* A digit or letter would pass for part of the value (X ends ID numbers). */
  if (c == 0 || !g_unichar_isgraph (c) || g_unichar_isalnum (c))
    {
      g_set_error_literal (error, GK_DB_ERROR, GK_DB_ERROR_INVALID,
                           _("The mask character is a symbol such as * or ●, not a letter, digit or space"));
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_mask_policy_check (const GkMaskPolicy  *policy,
                      GError             **error)
{
  g_return_val_if_fail (policy != NULL, FALSE);

  return check_idcard (policy->idcard_head, policy->idcard_tail, error) &&
         check_phone (policy->phone_head, policy->phone_tail, error) &&
         check_name (policy->text_head, policy->text_tail, error) &&
         check_mask_char (policy->mask_char, error);
}

static guint
member_uint (JsonObject *object,
             const char *member,
             guint       fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > 64)
    return fallback;
  return (guint) json_node_get_int (node);
}

gboolean
gk_store_get_mask_policy (GkStore       *self,
                          GkMaskPolicy  *policy,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  GkMaskPolicy defaults;
  JsonObject *object;
  const char *mask_char;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  gk_mask_policy_init_default (&defaults);
  *policy = defaults;

  json = gk_store_get_setting (self, GK_SETTING_MASKS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (json != NULL)
    root = json_from_string (json, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;

  object = json_node_get_object (root);
  policy->idcard_head = member_uint (object, "idcard-head", defaults.idcard_head);
  policy->idcard_tail = member_uint (object, "idcard-tail", defaults.idcard_tail);
  policy->phone_head = member_uint (object, "phone-head", defaults.phone_head);
  policy->phone_tail = member_uint (object, "phone-tail", defaults.phone_tail);
  policy->text_head = member_uint (object, "name-head", defaults.text_head);
  policy->text_tail = member_uint (object, "name-tail", defaults.text_tail);
  mask_char = json_object_get_string_member_with_default (object, "char", NULL);
  if (mask_char != NULL && g_utf8_validate (mask_char, -1, NULL) && g_utf8_strlen (mask_char, -1) == 1)
    policy->mask_char = g_utf8_get_char (mask_char);

  /* Public outputs never show more than the rules allow, whatever the file says. */
  if (!check_idcard (policy->idcard_head, policy->idcard_tail, NULL))
    {
      policy->idcard_head = defaults.idcard_head;
      policy->idcard_tail = defaults.idcard_tail;
    }
  if (!check_phone (policy->phone_head, policy->phone_tail, NULL))
    {
      policy->phone_head = defaults.phone_head;
      policy->phone_tail = defaults.phone_tail;
    }
  if (!check_name (policy->text_head, policy->text_tail, NULL))
    {
      policy->text_head = defaults.text_head;
      policy->text_tail = defaults.text_tail;
    }
  if (!check_mask_char (policy->mask_char, NULL))
    policy->mask_char = defaults.mask_char;

  return TRUE;
}

gboolean
gk_store_set_mask_policy (GkStore             *self,
                          const GkMaskPolicy  *policy,
                          GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  char mask_char[8] = { 0 };

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  if (!gk_mask_policy_check (policy, error))
    return FALSE;

  g_unichar_to_utf8 (policy->mask_char, mask_char);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "idcard-head");
  json_builder_add_int_value (builder, policy->idcard_head);
  json_builder_set_member_name (builder, "idcard-tail");
  json_builder_add_int_value (builder, policy->idcard_tail);
  json_builder_set_member_name (builder, "phone-head");
  json_builder_add_int_value (builder, policy->phone_head);
  json_builder_set_member_name (builder, "phone-tail");
  json_builder_add_int_value (builder, policy->phone_tail);
  json_builder_set_member_name (builder, "name-head");
  json_builder_add_int_value (builder, policy->text_head);
  json_builder_set_member_name (builder, "name-tail");
  json_builder_add_int_value (builder, policy->text_tail);
  json_builder_set_member_name (builder, "char");
  json_builder_add_string_value (builder, mask_char);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  return gk_store_set_setting (self, GK_SETTING_MASKS, json, error);
}

/* ------------------------------------------------------------------ */
/* The annual report's figures                                         */

static char *
report_key (int year)
{
  return g_strdup_printf (GK_SETTING_REPORT_PREFIX "%d", year);
}

GkReportFigures *
gk_store_get_report_figures (GkStore  *self,
                             int       year,
                             GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = report_key (year);
  g_autofree char *json = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), NULL);

  json = gk_store_get_setting (self, key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (json == NULL)
    return gk_report_figures_new (year);
  return gk_report_figures_from_json (json, year, error);
}

gboolean
gk_store_set_report_figures (GkStore                *self,
                             const GkReportFigures  *figures,
                             GError                **error)
{
  g_autofree char *key = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (GK_IS_STORE (self), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  if (!gk_report_figures_check (figures, error))
    return FALSE;

  key = report_key (figures->year);
  json = gk_report_figures_to_json (figures);
  return gk_store_set_setting (self, key, json, error);
}
