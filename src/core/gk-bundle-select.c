/* gk-bundle-select.c: what the bundle may publish, and every text of it masked (DOMAIN.md §6). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gk-bundle-private.h"
#include "gk-validate.h"

/* ---- configuration ---- */

static char **
dup_string_array (JsonObject *object,
                  const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = object != NULL && json_object_has_member (object, member)
                     ? json_object_get_array_member (object, member) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static char *
dup_string (JsonObject *object,
            const char *member)
{
  return g_strdup (object != NULL ? json_object_get_string_member_with_default (object, member, "") : "");
}

GkBundleConfig *
gk_bundle_config_load (GError **error)
{
  g_autoptr(GkBundleConfig) config = g_new0 (GkBundleConfig, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *withdraw, *blacklist, *ocds, *attachments;
  JsonNode *root;

  bytes = g_resources_lookup_data ("/io/github/gongkai/Gongkai/core/bundle/bundle.json", 0, error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  config->stylesheet = g_resources_lookup_data ("/io/github/gongkai/Gongkai/core/bundle/style.css", 0, error);
  if (config->stylesheet == NULL)
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "bundle.json is not an object");
      return NULL;
    }
  config->root = json_object_ref (json_node_get_object (root));
  config->labels = json_object_get_object_member (config->root, "labels");
  withdraw = json_object_get_object_member (config->root, "withdraw_after_publicity");
  blacklist = json_object_get_object_member (config->root, "blacklist");
  ocds = json_object_get_object_member (config->root, "ocds");

  config->withdraw_items = dup_string_array (withdraw, "items");
  config->withdraw_end_field = dup_string (withdraw, "end_field");
  config->blacklist_domain = dup_string (blacklist, "domain");
  config->revoked_field = dup_string (blacklist, "revoked_field");
  config->revoked_value = dup_string (blacklist, "revoked_value");
  config->blacklist_end_field = dup_string (blacklist, "end_field");
  config->blacklist_columns = dup_string_array (blacklist, "columns");
  config->without_idcard_domains = dup_string_array (config->root, "without_idcard_columns");
  config->never_published_domains = dup_string_array (config->root, "never_published_domains");
  config->ocds_project_kinds = dup_string_array (ocds, "project_kinds");
  config->ocid_prefix = dup_string (ocds, "ocid_prefix");
  attachments = json_object_get_object_member (config->root, "attachments");
  config->text_attachments = dup_string_array (attachments, "text_extensions");
  config->binary_held_domains = dup_string_array (attachments, "binary_held_in_domains");
  config->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_steal_pointer (&config);
}

void
gk_bundle_config_free (GkBundleConfig *config)
{
  if (config == NULL)
    return;
  g_clear_pointer (&config->root, json_object_unref);
  g_strfreev (config->withdraw_items);
  g_free (config->withdraw_end_field);
  g_free (config->blacklist_domain);
  g_free (config->revoked_field);
  g_free (config->revoked_value);
  g_free (config->blacklist_end_field);
  g_strfreev (config->blacklist_columns);
  g_strfreev (config->without_idcard_domains);
  g_strfreev (config->never_published_domains);
  g_strfreev (config->ocds_project_kinds);
  g_free (config->ocid_prefix);
  g_strfreev (config->text_attachments);
  g_strfreev (config->binary_held_domains);
  g_free (config->checksum);
  g_clear_pointer (&config->stylesheet, g_bytes_unref);
  g_free (config);
}

const char *
gk_bundle_label (const GkBundleConfig *config,
                 const char           *key)
{
  /* One lookup: every page asks for some thirty labels. */
  JsonNode *label = config->labels != NULL ? json_object_get_member (config->labels, key) : NULL;

  if (label == NULL)
    return key;
  return json_node_get_string (label);
}

/* ---- what is public ---- */

const char *
gk_bundle_hold_to_key (GkBundleHold hold)
{
  static const char *const keys[] = {
    "published", "draft", "pending", "withdrawn", "exempt", "on-request",
    "request", "publicity-ended", "revoked", "expired",
  };

  g_return_val_if_fail (hold < GK_BUNDLE_N_HOLDS, NULL);
  return keys[hold];
}

const char *
gk_bundle_hold_to_label (GkBundleHold hold)
{
  switch (hold)
    {
    case GK_BUNDLE_HOLD_NONE: return _("Published");
    case GK_BUNDLE_HOLD_DRAFT: return _("Draft");
    case GK_BUNDLE_HOLD_PENDING: return _("Pending review");
    case GK_BUNDLE_HOLD_WITHDRAWN: return _("Withdrawn");
    case GK_BUNDLE_HOLD_EXEMPT: return _("Exempt from disclosure");
    case GK_BUNDLE_HOLD_ON_REQUEST: return _("Disclosed on request only");
    case GK_BUNDLE_HOLD_REQUEST: return _("Application or review case");
    case GK_BUNDLE_HOLD_PUBLICITY_ENDED: return _("Publicity period ended");
    case GK_BUNDLE_HOLD_REVOKED: return _("Blacklist entry revoked");
    case GK_BUNDLE_HOLD_EXPIRED: return _("Blacklist period ended");
    case GK_BUNDLE_N_HOLDS: break;
    }
  g_return_val_if_reached (NULL);
}

static char *
dup_field_string (const char *fields,
                  const char *id)
{
  g_autoptr(JsonNode) node = json_from_string (fields, NULL);
  JsonObject *object;
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  value = json_object_get_member (object, id);
  if (value == NULL || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (value));
}

GkBundleHold
gk_bundle_classify (const GkBundleConfig *config,
                    const GkBundleRow    *row,
                    const char           *today)
{
  if (g_strv_contains ((const char * const *) config->never_published_domains, row->domain) ||
      g_str_has_prefix (row->item_key, "request."))
    return GK_BUNDLE_HOLD_REQUEST;
  /* Before the status: a clerk looking for the exempt records finds them
   * under that reason whatever their status. */
  if (g_strcmp0 (row->mode, GK_MODE_EXEMPT) == 0)
    return GK_BUNDLE_HOLD_EXEMPT;
  if (g_strcmp0 (row->status, GK_STATUS_PENDING) == 0)
    return GK_BUNDLE_HOLD_PENDING;
  if (g_strcmp0 (row->status, GK_STATUS_WITHDRAWN) == 0)
    return GK_BUNDLE_HOLD_WITHDRAWN;
  if (g_strcmp0 (row->status, GK_STATUS_PUBLISHED) != 0)
    return GK_BUNDLE_HOLD_DRAFT;
  if (g_strcmp0 (row->mode, GK_MODE_PROACTIVE) != 0)
    return GK_BUNDLE_HOLD_ON_REQUEST;

  if (g_strv_contains ((const char * const *) config->withdraw_items, row->item_key))
    {
      g_autofree char *end = dup_field_string (row->fields, config->withdraw_end_field);

      /* A list without an end date is held back too: it cannot be known to
       * be within its period. */
      if (end == NULL || g_strcmp0 (end, today) < 0)
        return GK_BUNDLE_HOLD_PUBLICITY_ENDED;
    }

  if (g_strcmp0 (row->domain, config->blacklist_domain) == 0)
    {
      g_autofree char *revoked = dup_field_string (row->fields, config->revoked_field);
      g_autofree char *end = dup_field_string (row->fields, config->blacklist_end_field);

      if (g_strcmp0 (revoked, config->revoked_value) == 0)
        return GK_BUNDLE_HOLD_REVOKED;
      if (end != NULL && *end != '\0' && g_strcmp0 (end, today) < 0)
        return GK_BUNDLE_HOLD_EXPIRED;
    }

  return GK_BUNDLE_HOLD_NONE;
}

/* ---- masking free text ---- */

/* Full-width digits and letters count as their ASCII forms: input methods
 * type them, and a reader sees the same number. */
static gunichar
fold (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF5A)
    return c - 0xFF10 + '0';
  return c;
}

static gboolean
is_digit (gunichar c)
{
  return c < 128 && g_ascii_isdigit (c);
}

static gboolean
is_alnum (gunichar c)
{
  return c < 128 && g_ascii_isalnum (c);
}

static void
hide_positions (gboolean     *hidden,
                const glong  *positions,
                guint         n,
                guint         head,
                guint         tail)
{
  if (head + tail >= n)
    head = tail = 0;
  for (guint k = head; k < n - tail; k++)
    hidden[positions[k]] = TRUE;
}

/* An ID number: 17 digits and a check character, standing alone (not part
 * of a longer code such as a 统一社会信用代码), with a valid check and date. */
static gboolean
match_idcard (const gunichar *chars,
              glong           n,
              glong           i,
              glong          *positions)
{
  char id[19];
  g_autoptr(GkValidation) check = NULL;

  if (i + 18 > n || (i + 18 < n && is_alnum (chars[i + 18])))
    return FALSE;
  for (int j = 0; j < 18; j++)
    {
      gunichar c = chars[i + j];

      if (!is_digit (c) && !(j == 17 && (c == 'X' || c == 'x')))
        return FALSE;
      id[j] = (char) g_ascii_toupper ((char) c);
      positions[j] = i + j;
    }
  id[18] = '\0';
  check = gk_validate_idcard (id);
  return check->severity == GK_SEVERITY_OK;
}

/* A mainland mobile number, 1[3-9] and 9 more digits, written together or
 * as 3-4-4 with spaces or hyphens, after an optional 86. */
static gboolean
match_mobile (const gunichar *chars,
              glong           n,
              glong           i,
              glong          *positions)
{
  guint found = 0;
  glong k = i;

  if (k + 2 <= n && chars[k] == '8' && chars[k + 1] == '6' && k + 2 < n && chars[k + 2] == '1')
    k += 2;
  while (k < n && found < 11)
    {
      if (is_digit (chars[k]))
        positions[found++] = k++;
      else if ((found == 3 || found == 7) && (chars[k] == ' ' || chars[k] == '-') &&
               k + 1 < n && is_digit (chars[k + 1]))
        k++;
      else
        break;
    }
  if (found != 11 || (k < n && is_alnum (chars[k])))
    return FALSE;
  return chars[positions[0]] == '1' && chars[positions[1]] >= '3';
}

/* Every number masked is a run of at least 11 digits (a mobile; an ID
 * number 17 and its check character), ASCII or full-width, which a single
 * space or hyphen between digits does not break (a mobile's 3-4-4): a
 * text without one holds none, and most texts are such, dates and
 * document numbers included. Looked for on the bytes, before any copy. */
static gboolean
may_hold_number (const char *text)
{
  guint run = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        run++;
      /* U+FF10 to U+FF19 */
      else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
        {
          run++;
          p += 2;
        }
      else if (run == 0 || (*p != ' ' && *p != '-'))
        run = 0;
      if (run >= 11)
        return TRUE;
    }
  return FALSE;
}

char *
gk_bundle_mask_text (const char         *text,
                     const GkMaskPolicy *policy)
{
  g_autofree gunichar *original = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree gboolean *hidden = NULL;
  GkMaskPolicy defaults;
  GString *out;
  glong n = 0;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      return gk_bundle_mask_text (valid, policy);
    }
  if (!may_hold_number (text))
    return g_strdup (text);
  if (policy == NULL)
    {
      gk_mask_policy_init_default (&defaults);
      policy = &defaults;
    }

  original = g_utf8_to_ucs4_fast (text, -1, &n);
  chars = g_new (gunichar, n + 1);
  for (glong i = 0; i < n; i++)
    chars[i] = fold (original[i]);
  hidden = g_new0 (gboolean, n + 1);

  for (glong i = 0; i < n; i++)
    {
      glong positions[18];

      /* Numbers start where a word does: "+86", "电话", a space. */
      if (!is_digit (chars[i]) || (i > 0 && is_alnum (chars[i - 1])))
        continue;
      if (match_idcard (chars, n, i, positions))
        hide_positions (hidden, positions, 18, policy->idcard_head, policy->idcard_tail);
      else if (match_mobile (chars, n, i, positions))
        hide_positions (hidden, positions, 11, policy->phone_head, policy->phone_tail);
    }

  out = g_string_sized_new (strlen (text));
  for (glong k = 0; k < n; k++)
    g_string_append_unichar (out, hidden[k] ? (policy->mask_char != 0 ? policy->mask_char : '*') : original[k]);
  return g_string_free (out, FALSE);
}

/* ---- the public view of a record ---- */

/* @node with every string that holds an ID or mobile number masked (a
 * number that reads as one becomes its masked string), or NULL when it
 * holds none: most values do not, and are not copied. What did not
 * change is shared with @node. */
static JsonNode *
scan_node (JsonNode           *node,
           const GkMaskPolicy *policy)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);
      char number[32];
      const char *text;
      g_autofree char *masked = NULL;

      if (type == G_TYPE_STRING)
        text = json_node_get_string (node);
      else if (type == G_TYPE_INT64)
        {
          g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, json_node_get_int (node));
          text = number;
        }
      else
        return NULL;
      if (text == NULL || !may_hold_number (text))
        return NULL;
      masked = gk_bundle_mask_text (text, policy);
      if (g_str_equal (masked, text))
        return NULL;
      return json_node_init_string (json_node_alloc (), masked);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      guint n = json_array_get_length (source);
      g_autoptr(JsonArray) array = NULL;

      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (source, i);
          JsonNode *scanned = scan_node (element, policy);

          if (scanned == NULL && array == NULL)
            continue;
          if (array == NULL)
            {
              array = json_array_sized_new (n);
              for (guint j = 0; j < i; j++)
                json_array_add_element (array, json_node_copy (json_array_get_element (source, j)));
            }
          json_array_add_element (array, scanned != NULL ? scanned : json_node_copy (element));
        }
      return array != NULL ? json_node_init_array (json_node_alloc (), array) : NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *source = json_node_get_object (node);
      g_autoptr(JsonObject) object = NULL;
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      /* In the object's order, as json_object_get_members() gives it. */
      json_object_iter_init_ordered (&iter, source);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          JsonNode *scanned = scan_node (member, policy);

          if (scanned == NULL && object == NULL)
            continue;
          if (object == NULL)
            {
              JsonObjectIter before;
              const char *before_name;
              JsonNode *before_member;

              object = json_object_new ();
              json_object_iter_init_ordered (&before, source);
              while (json_object_iter_next_ordered (&before, &before_name, &before_member) &&
                     before_member != member)
                json_object_set_member (object, before_name, json_node_copy (before_member));
            }
          json_object_set_member (object, name, scanned != NULL ? scanned : json_node_copy (member));
        }
      return object != NULL ? json_node_init_object (json_node_alloc (), object) : NULL;
    }
  return NULL;
}

/* Allocation lists publish the name, the household and the unit; the ID
 * number is not needed to check them, so it is left out (DOMAIN.md §6). */
static void
drop_idcard_columns (GkSchema *schema,
                     JsonNode *values)
{
  JsonObject *object = json_node_get_object (values);

  for (guint f = 0; f < gk_schema_get_n_fields (schema); f++)
    {
      const GkField *field = gk_schema_get_field (schema, f);
      JsonNode *table = json_object_get_member (object, field->id);

      if (field->kind != GK_FIELD_TABLE || table == NULL || !JSON_NODE_HOLDS_ARRAY (table))
        continue;
      for (guint c = 0; c < field->columns->len; c++)
        {
          const GkField *column = g_ptr_array_index (field->columns, c);
          JsonArray *rows = json_node_get_array (table);

          if (column->kind != GK_FIELD_IDCARD)
            continue;
          for (guint r = 0; r < json_array_get_length (rows); r++)
            {
              JsonNode *row = json_array_get_element (rows, r);

              if (JSON_NODE_HOLDS_OBJECT (row))
                json_object_remove_member (json_node_get_object (row), column->id);
            }
        }
    }
}

/* Injective, so that two records never meet on one file name whatever
 * else the ledger holds: '/' (which every 索引号 has) becomes '.', any
 * other byte but [A-Za-z0-9-] becomes "_" and its two hex digits. */
char *
gk_bundle_safe_name (const char *index_no)
{
  GString *name = g_string_new (NULL);

  for (const char *p = index_no; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-')
        g_string_append_c (name, *p);
      else if (*p == '/')
        g_string_append_c (name, '.');
      else
        g_string_append_printf (name, "_%02x", (guchar) *p);
    }
  if (name->len == 0)
    g_string_append (name, "record");
  return g_string_free (name, FALSE);
}

static char *
attachment_extension (const char *masked_name)
{
  const char *dot = strrchr (masked_name, '.');
  gboolean plain = dot != NULL && dot[1] != '\0' && strlen (dot + 1) <= 8;

  for (const char *p = dot != NULL ? dot + 1 : ""; plain && *p != '\0'; p++)
    plain = g_ascii_isalnum (*p);
  return plain ? g_ascii_strdown (dot + 1, -1) : g_strdup ("");
}

GkBundleAttachmentKind
gk_bundle_attachment_kind (const GkBundleConfig *config,
                           const char           *domain,
                           const char           *name)
{
  g_autofree char *extension = attachment_extension (name);

  if (g_strv_contains ((const char * const *) config->text_attachments, extension))
    return GK_BUNDLE_ATTACHMENT_TEXT;
  if (g_strv_contains ((const char * const *) config->binary_held_domains, domain))
    return GK_BUNDLE_ATTACHMENT_HELD;
  return GK_BUNDLE_ATTACHMENT_BINARY;
}

/* Named by the content's SHA-256, so that a file two records carry is
 * copied once. A text file is published as the masked text it becomes,
 * and markup as plain text: a page of the portal's own origin must not run
 * what an attachment holds. */
char *
gk_bundle_attachment_path (const GkBundleConfig *config,
                           const char           *sha256,
                           const char           *masked_name)
{
  g_autofree char *extension = attachment_extension (masked_name);

  if (g_strv_contains ((const char * const *) config->text_attachments, extension))
    return g_strdup_printf ("files/%s.txt", sha256);
  if (*extension == '\0')
    return g_strdup_printf ("files/%s", sha256);
  return g_strdup_printf ("files/%s.%s", sha256, extension);
}

/* A text attachment with its ID and mobile numbers masked: UTF-8, or
 * GB18030 as Chinese Windows writes it. NULL when it is neither. */
static GBytes *
masked_text_attachment (GkStore            *store,
                        const GkAttachment *attachment,
                        const GkMaskPolicy *policy)
{
  g_autoptr(GFile) file = gk_store_get_attachment_file (store, attachment);
  g_autofree char *contents = NULL;
  g_autofree char *utf8 = NULL;
  const char *text;
  gsize length = 0;
  char *masked;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
    return NULL;
  if (memchr (contents, '\0', length) != NULL)
    return NULL;
  if (g_utf8_validate (contents, length, NULL))
    text = contents;
  else
    {
      utf8 = g_convert (contents, length, "UTF-8", "GB18030", NULL, NULL, NULL);
      if (utf8 == NULL)
        return NULL;
      text = utf8;
    }
  masked = gk_bundle_mask_text (text, policy);
  return g_bytes_new_take (masked, strlen (masked));
}

GkBundleEntry *
gk_bundle_entry_new (const GkBundleConfig *config,
                     GkStore              *store,
                     const GkBundleRow    *row,
                     GkSchema             *schema,
                     const GkMaskPolicy   *policy,
                     const char           *page)
{
  GkBundleEntry *entry = g_new0 (GkBundleEntry, 1);
  g_autoptr(JsonNode) masked = NULL;
  const GkField *validity;

  entry->row = row;
  entry->schema = schema != NULL ? gk_schema_ref (schema) : gk_schema_new ();
  entry->title = gk_bundle_mask_text (row->title, policy);
  entry->body = gk_bundle_mask_text (row->body, policy);
  entry->doc_no = gk_bundle_mask_text (row->doc_no, policy);
  entry->change_note = gk_bundle_mask_text (row->change_note, policy);
  entry->prev_title = row->prev_title != NULL ? gk_bundle_mask_text (row->prev_title, policy) : NULL;
  entry->prev_doc_no = row->prev_doc_no != NULL ? gk_bundle_mask_text (row->prev_doc_no, policy) : NULL;
  entry->page = g_strdup (page);

  /* The schema decides what is published: unknown keys are dropped and
   * sensitive fields masked; then every string left is scanned. */
  masked = gk_schema_mask_values_in_place (entry->schema, json_from_string (row->fields, NULL), policy);
  entry->values = scan_node (masked, policy);
  if (entry->values == NULL)
    entry->values = g_steal_pointer (&masked);
  if (g_strv_contains ((const char * const *) config->without_idcard_domains, row->domain))
    drop_idcard_columns (entry->schema, entry->values);

  validity = gk_schema_lookup_field (entry->schema, "validity");
  if (validity != NULL)
    entry->validity = gk_field_format_value (validity, json_object_get_member (json_node_get_object (entry->values), "validity"));

  entry->attachment_names = g_ptr_array_new_with_free_func (g_free);
  entry->attachment_paths = g_ptr_array_new_with_free_func (g_free);
  entry->attachment_texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  entry->attachment_sha256 = g_ptr_array_new_with_free_func (g_free);
  entry->attachments = g_ptr_array_new ();
  for (guint i = 0; i < row->attachments->len; i++)
    {
      GkAttachment *attachment = g_ptr_array_index (row->attachments, i);
      char *name = gk_bundle_mask_text (attachment->name, policy);
      GkBundleAttachmentKind kind = gk_bundle_attachment_kind (config, row->domain, name);
      GBytes *text = NULL;

      if (kind == GK_BUNDLE_ATTACHMENT_TEXT)
        text = masked_text_attachment (store, attachment, policy);
      if (kind == GK_BUNDLE_ATTACHMENT_HELD || (kind == GK_BUNDLE_ATTACHMENT_TEXT && text == NULL))
        {
          g_free (name);
          continue;
        }
      g_ptr_array_add (entry->attachments, attachment);
      g_ptr_array_add (entry->attachment_names, name);
      g_ptr_array_add (entry->attachment_paths, gk_bundle_attachment_path (config, attachment->sha256, name));
      g_ptr_array_add (entry->attachment_texts, text);
      g_ptr_array_add (entry->attachment_sha256,
                       text != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, text)
                                    : g_strdup (attachment->sha256));
    }
  return entry;
}

void
gk_bundle_entry_free (GkBundleEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->schema, gk_schema_unref);
  g_free (entry->title);
  g_free (entry->body);
  g_free (entry->doc_no);
  g_free (entry->change_note);
  g_free (entry->prev_title);
  g_free (entry->prev_doc_no);
  g_clear_pointer (&entry->values, json_node_unref);
  g_clear_pointer (&entry->attachment_names, g_ptr_array_unref);
  g_clear_pointer (&entry->attachment_paths, g_ptr_array_unref);
  g_clear_pointer (&entry->attachment_texts, g_ptr_array_unref);
  g_clear_pointer (&entry->attachment_sha256, g_ptr_array_unref);
  g_clear_pointer (&entry->attachments, g_ptr_array_unref);
  g_free (entry->page);
  g_free (entry->validity);
  g_clear_pointer (&entry->owned_row, gk_bundle_row_free);
  g_free (entry);
}
