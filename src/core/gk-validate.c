/* gk-validate.c: checks of identifiers and typed values as clerks type them. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gk-validate.h"

static const char * const kind_names[] = {
  [GK_FIELD_TEXT] = "text",
  [GK_FIELD_LONGTEXT] = "longtext",
  [GK_FIELD_MONEY] = "money",
  [GK_FIELD_DATE] = "date",
  [GK_FIELD_INTEGER] = "integer",
  [GK_FIELD_DECIMAL] = "decimal",
  [GK_FIELD_CHOICE] = "choice",
  [GK_FIELD_USCC] = "uscc",
  [GK_FIELD_IDCARD] = "idcard",
  [GK_FIELD_ORGCODE] = "orgcode",
  [GK_FIELD_PROJECTCODE] = "projectcode",
  [GK_FIELD_PHONE] = "phone",
  [GK_FIELD_URL] = "url",
  [GK_FIELD_TABLE] = "table",
  [GK_FIELD_DATETIME] = "datetime",
};

const char *
gk_field_kind_to_string (GkFieldKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return NULL;
  return kind_names[kind];
}

GkFieldKind
gk_field_kind_from_string (const char *name)
{
  if (name == NULL)
    return GK_FIELD_KIND_INVALID;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (kind_names[i], name) == 0)
      return (GkFieldKind) i;

  return GK_FIELD_KIND_INVALID;
}

GkValidation *
gk_validation_new (GkSeverity  severity,
                   const char *normalized,
                   const char *message)
{
  GkValidation *validation = g_new0 (GkValidation, 1);

  validation->severity = severity;
  validation->normalized = g_strdup (normalized != NULL ? normalized : "");
  validation->message = g_strdup (message);
  return validation;
}

void
gk_validation_free (GkValidation *validation)
{
  if (validation == NULL)
    return;

  g_free (validation->message);
  g_free (validation->normalized);
  g_free (validation);
}

G_GNUC_PRINTF (3, 4)
static GkValidation *
validation_printf (GkSeverity  severity,
                   const char *normalized,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return gk_validation_new (severity, normalized, message);
}

/* Zero-width spaces and the BOM are invisible in a pasted cell but would
 * make a code one character too long. */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  if (c == 0x3000)
    return ' ';
  return c;
}

char *
gk_fold_full_width (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (out, fold_char (g_utf8_get_char (p)));

  return g_string_free (out, FALSE);
}

char *
gk_normalize_code (const char *text)
{
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = fold_char (g_utf8_get_char (p));

      if (is_space (c))
        continue;
      if (c < 0x80)
        c = g_ascii_toupper ((char) c);
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Strips leading and trailing spaces of every kind. */
static char *
trim (const char *text)
{
  const char *start;
  const char *end;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  start = text;
  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* The first character that is not in @charset, as a string, or NULL. */
static char *
find_bad_char (const char *value,
               const char *charset)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar) *p >= 0x80 || strchr (charset, *p) == NULL)
        return g_utf8_substring (p, 0, 1);
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* 统一社会信用代码, GB 32100-2015                                       */

static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const guint uscc_weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int
uscc_value (char c)
{
  const char *p = c != '\0' ? strchr (uscc_charset, c) : NULL;

  return p != NULL ? (int) (p - uscc_charset) : -1;
}

/* Returns '\0' when @first17 holds a character outside the code's set. */
char
gk_uscc_compute_check (const char *first17)
{
  guint sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      int v = uscc_value (first17[i]);

      if (v < 0)
        return '\0';
      sum += (guint) v * uscc_weights[i];
    }

  return uscc_charset[(31 - sum % 31) % 31];
}

GkValidation *
gk_validate_uscc (const char *value)
{
  g_autofree char *code = gk_normalize_code (value);
  g_autofree char *bad = NULL;
  glong len = g_utf8_strlen (code, -1);
  char expected;

  if (len == 0)
    return gk_validation_new (GK_SEVERITY_ERROR, code, _("The code is empty"));

  if (len != 18)
    return validation_printf (GK_SEVERITY_ERROR, code,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "A unified social credit code has 18 characters; this one has %ld",
                                           "A unified social credit code has 18 characters; this one has %ld",
                                           len),
                              len);

  bad = find_bad_char (code, uscc_charset);
  if (bad != NULL)
    return validation_printf (GK_SEVERITY_ERROR, code,
                              _("“%s” cannot appear in a unified social credit code (the letters I, O, S, V and Z are never used)"),
                              bad);

  /* GB 32100 is older than some codes still in use: the Fujian pilot
   * issued codes that fail this check, so the clerk may keep one. */
  expected = gk_uscc_compute_check (code);
  if (code[17] != expected)
    return validation_printf (GK_SEVERITY_WARNING, code,
                              _("The check character is wrong: expected %c. Some early codes fail this check; keep the code only if it matches the licence"),
                              expected);

  return gk_validation_new (GK_SEVERITY_OK, code, NULL);
}

/* ------------------------------------------------------------------ */
/* 居民身份证号码, GB 11643-1999                                         */

static const guint idcard_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

char
gk_idcard_compute_check (const char *first17)
{
  guint sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (guint) (first17[i] - '0') * idcard_weights[i];
    }

  return "10X98765432"[sum % 11];
}

/* The province-level codes of GB/T 2260, with 71 (台湾) and the 81, 82, 83
 * of residence permits for Hong Kong, Macao and Taiwan residents. */
static gboolean
is_province_code (const char *code)
{
  static const char * const provinces[] = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
    "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
    "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
  };

  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    if (strncmp (code, provinces[i], 2) == 0)
      return TRUE;

  return FALSE;
}

static guint
digits_value (const char *p,
              guint       n)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    v = v * 10 + (guint) (p[i] - '0');
  return v;
}

GkValidation *
gk_validate_idcard (const char *value)
{
  g_autofree char *code = gk_normalize_code (value);
  glong len = g_utf8_strlen (code, -1);
  guint year, month, day;
  g_autoptr(GDateTime) now = NULL;
  char expected;

  if (len == 0)
    return gk_validation_new (GK_SEVERITY_ERROR, code, _("The ID card number is empty"));

  if (len == 15 && strspn (code, "0123456789") == 15)
    return gk_validation_new (GK_SEVERITY_ERROR, code,
                              _("Old 15-digit ID card numbers are no longer valid: enter the 18-character number"));

  if (len != 18)
    return validation_printf (GK_SEVERITY_ERROR, code,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "An ID card number has 18 characters; this one has %ld",
                                           "An ID card number has 18 characters; this one has %ld",
                                           len),
                              len);

  if (strspn (code, "0123456789") < 17 || !(g_ascii_isdigit (code[17]) || code[17] == 'X'))
    return gk_validation_new (GK_SEVERITY_ERROR, code,
                              _("An ID card number is 17 digits followed by a digit or X"));

  if (!is_province_code (code))
    return validation_printf (GK_SEVERITY_ERROR, code,
                              _("%.2s is not a province code: check the first two digits"),
                              code);

  year = digits_value (code + 6, 4);
  month = digits_value (code + 10, 2);
  day = digits_value (code + 12, 2);
  if (year < 1880 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return validation_printf (GK_SEVERITY_ERROR, code,
                              _("The birth date %.4s-%.2s-%.2s does not exist"),
                              code + 6, code + 10, code + 12);

  now = g_date_time_new_now_local ();
  if (year * 10000 + month * 100 + day >
      (guint) (g_date_time_get_year (now) * 10000 + g_date_time_get_month (now) * 100 + g_date_time_get_day_of_month (now)))
    return validation_printf (GK_SEVERITY_ERROR, code,
                              _("The birth date %.4s-%.2s-%.2s is in the future"),
                              code + 6, code + 10, code + 12);

  expected = gk_idcard_compute_check (code);
  if (code[17] != expected)
    return validation_printf (GK_SEVERITY_ERROR, code,
                              _("The check digit is wrong: expected %c"),
                              expected);

  return gk_validation_new (GK_SEVERITY_OK, code, NULL);
}

/* ------------------------------------------------------------------ */
/* 组织机构代码, GB 11714-1997                                           */

static const guint orgcode_weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

char
gk_orgcode_compute_check (const char *first8)
{
  guint sum = 0;
  guint c;

  g_return_val_if_fail (first8 != NULL, '\0');

  for (guint i = 0; i < 8; i++)
    {
      guint v;

      if (g_ascii_isdigit (first8[i]))
        v = (guint) (first8[i] - '0');
      else if (first8[i] >= 'A' && first8[i] <= 'Z')
        v = (guint) (first8[i] - 'A') + 10;
      else
        return '\0';
      sum += v * orgcode_weights[i];
    }

  c = 11 - sum % 11;
  if (c == 10)
    return 'X';
  if (c == 11)
    return '0';
  return (char) ('0' + c);
}

GkValidation *
gk_validate_orgcode (const char *value)
{
  g_autofree char *code = gk_normalize_code (value);
  g_autofree char *bad = NULL;
  char expected;

  /* Certificates print the code as XXXXXXXX-X; we store the nine characters. */
  if (strlen (code) == 10 && code[8] == '-')
    memmove (code + 8, code + 9, 2);

  if (*code == '\0')
    return gk_validation_new (GK_SEVERITY_ERROR, code, _("The code is empty"));

  bad = find_bad_char (code, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  if (bad != NULL)
    return validation_printf (GK_SEVERITY_ERROR, code,
                              _("“%s” cannot appear in an organisation code"), bad);

  if (strlen (code) != 9)
    return gk_validation_new (GK_SEVERITY_ERROR, code,
                              _("An organisation code has 8 characters and a check character, e.g. 00001434-9"));

  expected = gk_orgcode_compute_check (code);
  if (code[8] != expected)
    return validation_printf (GK_SEVERITY_ERROR, code,
                              _("The check character is wrong: expected %c"), expected);

  return gk_validation_new (GK_SEVERITY_OK, code, NULL);
}

GkValidation *
gk_validate_index_prefix (const char *value)
{
  g_autofree char *code = gk_normalize_code (value);
  size_t len = strlen (code);

  if (len == 0)
    return gk_validation_new (GK_SEVERITY_ERROR, code, _("The code is empty"));
  /* The 9-character code of old certificates is also printed XXXXXXXX-X. */
  if (len == 9 || (len == 10 && code[8] == '-'))
    return gk_validate_orgcode (code);
  if (len == 18)
    {
      GkValidation *check = gk_validate_uscc (code);

      /* A record field may keep an early code that fails the check; the
       * code of every 索引号 the ledger issues may not. */
      if (check->severity == GK_SEVERITY_WARNING)
        {
          char expected = gk_uscc_compute_check (code);

          gk_validation_free (check);
          return validation_printf (GK_SEVERITY_ERROR, code, _("The check character is wrong: expected %c"), expected);
        }
      return check;
    }
  return gk_validation_new (GK_SEVERITY_ERROR, code,
                            _("The code is the organisation's unified social credit code (18 characters) "
                              "or its organisation code (9 characters)"));
}

/* ------------------------------------------------------------------ */
/* 投资项目统一代码                                                      */

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63;
}

GkValidation *
gk_validate_project_code (const char *value)
{
  static const guint groups[] = { 4, 6, 2, 2, 6 };
  g_autofree char *folded = gk_normalize_code (value);
  g_autoptr(GString) code = g_string_new (NULL);
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;

  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_dash (c))
        g_string_append_c (code, '-');
      else
        g_string_append_unichar (code, c);
      if (c < 0x80 && g_ascii_isdigit ((char) c))
        g_string_append_c (digits, (char) c);
    }

  if (code->len == 0)
    return gk_validation_new (GK_SEVERITY_ERROR, code->str, _("The code is empty"));

  /* Twenty bare digits are the same code typed without its dashes. */
  if (code->len == 20 && digits->len == 20)
    {
      g_string_truncate (code, 0);
      for (guint i = 0, at = 0; i < G_N_ELEMENTS (groups); at += groups[i], i++)
        {
          if (i > 0)
            g_string_append_c (code, '-');
          g_string_append_len (code, digits->str + at, groups[i]);
        }
    }

  /* The 2020 scheme's check digit is not public: the format is all we check. */
  p = code->str;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (i > 0 && *p++ != '-')
        goto bad_format;
      for (guint j = 0; j < groups[i]; j++)
        if (!g_ascii_isdigit (*p++))
          goto bad_format;
    }
  if (*p == '\0')
    return gk_validation_new (GK_SEVERITY_OK, code->str, NULL);

bad_format:
  return gk_validation_new (GK_SEVERITY_ERROR, code->str,
                            _("An investment project code has 24 characters, like 2018-130102-47-03-012345"));
}

/* ------------------------------------------------------------------ */
/* Phone numbers                                                       */

static gboolean
all_digits (const char *s,
            gsize       min,
            gsize       max)
{
  gsize n = strlen (s);

  return n >= min && n <= max && strspn (s, "0123456789") == n;
}

/* A landline area code: 010 and 02X have three digits, the others four. */
static guint
area_code_length (const char *digits)
{
  return digits[1] == '1' || digits[1] == '2' ? 3 : 4;
}

GkValidation *
gk_validate_phone (const char *value)
{
  g_autofree char *folded = gk_fold_full_width (value);
  g_autofree char *trimmed = trim (folded);
  /* Numbers have no letters but an "ext", however it is written. */
  g_autofree char *text = g_ascii_strdown (trimmed, -1);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *extension = NULL;
  g_autofree char *normalized = NULL;
  char *ext;
  const char *area_part = NULL;
  const char *last_part = NULL;
  guint n_parts = 0;

  if (*text == '\0')
    return gk_validation_new (GK_SEVERITY_ERROR, text, _("The phone number is empty"));

  /* An extension is written 转123 or ext. 123. */
  ext = strstr (text, "转");
  if (ext == NULL)
    ext = strstr (text, "ext");
  if (ext != NULL)
    {
      g_autofree char *e = gk_normalize_code (ext + (g_str_has_prefix (ext, "转") ? strlen ("转") : 3));

      if (*e == '.')
        memmove (e, e + 1, strlen (e));
      extension = g_steal_pointer (&e);
      *ext = '\0';
      if (!all_digits (extension, 1, 6))
        return validation_printf (GK_SEVERITY_ERROR, text,
                                  _("“%s” is not a phone number"), value);
    }

  /* Separators may be spaces, dashes or brackets (full-width ones were
   * folded to ASCII above) around the area code. */
  g_strdelimit (text, "()", ' ');
  for (char *p = text; *p != '\0'; p++)
    if (*p == ' ')
      *p = '-';
  parts = g_strsplit (text, "-", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (area_part == NULL)
        area_part = parts[i];
      last_part = parts[i];
      n_parts++;
      g_string_append (digits, parts[i]);
    }

  if (g_str_has_prefix (digits->str, "+86"))
    {
      g_string_erase (digits, 0, 3);
      area_part = NULL;
    }
  else if (g_str_has_prefix (digits->str, "0086"))
    {
      g_string_erase (digits, 0, 4);
      area_part = NULL;
    }
  else if (digits->len == 13 && g_str_has_prefix (digits->str, "861"))
    {
      g_string_erase (digits, 0, 2);
      area_part = NULL;
    }

  if (!all_digits (digits->str, 1, 20))
    return validation_printf (GK_SEVERITY_ERROR, digits->str, _("“%s” is not a phone number"), value);

  /* Mobile: 1[3-9] and nine more digits. */
  if (digits->str[0] == '1' && digits->len == 11 && digits->str[1] >= '3' && extension == NULL)
    return gk_validation_new (GK_SEVERITY_OK, digits->str, NULL);

  /* Short service numbers (12345, 95588) are not accepted: a disclosed
   * contact must be a line that reaches the unit itself. */

  /* 400 and 800 numbers, written 400-xxx-xxxx. */
  if ((g_str_has_prefix (digits->str, "400") || g_str_has_prefix (digits->str, "800")) && digits->len == 10)
    {
      normalized = g_strdup_printf ("%.3s-%.3s-%.4s", digits->str, digits->str + 3, digits->str + 6);
      return gk_validation_new (GK_SEVERITY_OK, normalized, NULL);
    }

  if (digits->str[0] == '0')
    {
      guint area_len = area_code_length (digits->str);
      const char *subscriber;
      gsize sub_len;

      /* A typed separator tells where the area code ends. */
      if (area_part != NULL && strlen (area_part) >= 3 && strlen (area_part) <= 4 &&
          strlen (area_part) < digits->len)
        area_len = strlen (area_part);

      subscriber = digits->str + area_len;
      sub_len = digits->len - area_len;

      /* 0311-86012345-801: a third group too long for the number is an extension. */
      if (sub_len > 8 && n_parts >= 3 && extension == NULL && all_digits (last_part, 1, 6) &&
          sub_len - strlen (last_part) >= 7)
        {
          extension = g_strdup (last_part);
          sub_len -= strlen (last_part);
        }
      if (sub_len >= 7 && sub_len <= 8 && subscriber[0] >= '2')
        {
          normalized = g_strdup_printf ("%.*s-%.*s%s%s", (int) area_len, digits->str, (int) sub_len, subscriber,
                                        extension != NULL ? "转" : "",
                                        extension != NULL ? extension : "");
          return gk_validation_new (GK_SEVERITY_OK, normalized, NULL);
        }
    }
  else if ((digits->len == 7 || digits->len == 8) && digits->str[0] >= '2')
    {
      normalized = g_strdup_printf ("%s%s%s", digits->str,
                                    extension != NULL ? "转" : "",
                                    extension != NULL ? extension : "");
      return gk_validation_new (GK_SEVERITY_WARNING, normalized,
                                _("The area code is missing: add it (e.g. 0311) so that callers from elsewhere can reach the number"));
    }

  return validation_printf (GK_SEVERITY_ERROR, digits->str,
                            _("“%s” is not a Chinese mobile or landline number"), value);
}

/* ------------------------------------------------------------------ */
/* URLs and required text                                              */

GkValidation *
gk_validate_url (const char *value)
{
  g_autofree char *text = trim (value);
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (*text == '\0')
    return gk_validation_new (GK_SEVERITY_ERROR, text, _("The address is empty"));

  if (strstr (text, "://") == NULL)
    return gk_validation_new (GK_SEVERITY_ERROR, text,
                              _("Start the address with http:// or https://"));

  /* GUri lets a space through in the host; a browser would not. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_space (g_utf8_get_char (p)) || g_unichar_iscntrl (g_utf8_get_char (p)))
      return gk_validation_new (GK_SEVERITY_ERROR, text, _("A web address cannot contain spaces"));

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return validation_printf (GK_SEVERITY_ERROR, text, _("“%s” is not a web address"), text);

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return gk_validation_new (GK_SEVERITY_ERROR, text,
                              _("Only http:// and https:// addresses can be published"));

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return validation_printf (GK_SEVERITY_ERROR, text, _("“%s” has no host name"), text);

  return gk_validation_new (GK_SEVERITY_OK, text, NULL);
}

GkValidation *
gk_validate_required (const char *value)
{
  g_autofree char *text = trim (value);

  if (*text == '\0')
    return gk_validation_new (GK_SEVERITY_ERROR, text, _("This field is required"));

  return gk_validation_new (GK_SEVERITY_OK, text, NULL);
}

GkValidation *
gk_validate_by_kind (GkFieldKind  kind,
                     const char  *value)
{
  switch (kind)
    {
    case GK_FIELD_USCC:
      return gk_validate_uscc (value);
    case GK_FIELD_IDCARD:
      return gk_validate_idcard (value);
    case GK_FIELD_ORGCODE:
      return gk_validate_orgcode (value);
    case GK_FIELD_PROJECTCODE:
      return gk_validate_project_code (value);
    case GK_FIELD_PHONE:
      return gk_validate_phone (value);
    case GK_FIELD_URL:
      return gk_validate_url (value);
    case GK_FIELD_TEXT:
    case GK_FIELD_LONGTEXT:
    case GK_FIELD_MONEY:
    case GK_FIELD_DATE:
    case GK_FIELD_DATETIME:
    case GK_FIELD_INTEGER:
    case GK_FIELD_DECIMAL:
    case GK_FIELD_CHOICE:
    case GK_FIELD_TABLE:
    default:
      {
        g_autofree char *text = trim (value);

        return gk_validation_new (GK_SEVERITY_OK, text, NULL);
      }
    }
}
