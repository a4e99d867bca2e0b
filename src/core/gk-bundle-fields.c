/* gk-bundle-fields.c: a record's stored fields read into json-glib nodes, faster than json-glib's own parser reads them. */
#include "config.h"

#include <string.h>

#include "gk-bundle-private.h"

/* json-glib's parser reads a character at a time through its scanner, and
 * a publish reads 75 000 records' fields: an eighth of its time. The
 * ledger's fields are written by json-glib's generator, and this reads
 * what it writes (objects, arrays, strings with its escapes, integers,
 * true, false, null) into the same tree. Anything else (a \u escape, a
 * fraction or an exponent, a name twice, an integer of more than 18
 * digits, bad UTF-8) is left to json-glib, which decides as it always
 * did. */

/* Deeper than the ledger's tables go: left to json-glib. */
#define MAX_DEPTH 32

typedef struct
{
  const char *at;
  GString *text;   /* a string being unescaped */
  guint depth;
} Reader;

static JsonNode *read_value (Reader *reader);

static void
skip_space (Reader *reader)
{
  while (*reader->at == ' ' || *reader->at == '\n' || *reader->at == '\t' || *reader->at == '\r')
    reader->at++;
}

/* The string at reader->at (after its opening quote), unescaped into
 * reader->text; FALSE where json-glib should decide. */
static gboolean
read_string (Reader *reader)
{
  const char *p = reader->at;
  const char *run = p;

  g_string_truncate (reader->text, 0);
  for (;;)
    {
      guchar c = (guchar) *p;

      if (c == '"')
        break;
      if (c < 0x20)
        return FALSE;
      if (c != '\\')
        {
          p++;
          continue;
        }
      g_string_append_len (reader->text, run, p - run);
      switch (p[1])
        {
        case '"': g_string_append_c (reader->text, '"'); break;
        case '\\': g_string_append_c (reader->text, '\\'); break;
        case '/': g_string_append_c (reader->text, '/'); break;
        case 'b': g_string_append_c (reader->text, '\b'); break;
        case 'f': g_string_append_c (reader->text, '\f'); break;
        case 'n': g_string_append_c (reader->text, '\n'); break;
        case 'r': g_string_append_c (reader->text, '\r'); break;
        case 't': g_string_append_c (reader->text, '\t'); break;
        default: return FALSE;
        }
      p += 2;
      run = p;
    }
  g_string_append_len (reader->text, run, p - run);
  reader->at = p + 1;
  return g_utf8_validate (reader->text->str, reader->text->len, NULL);
}

static JsonNode *
read_object (Reader *reader)
{
  g_autoptr(JsonObject) object = json_object_new ();

  skip_space (reader);
  if (*reader->at == '}')
    {
      reader->at++;
      return json_node_init_object (json_node_alloc (), object);
    }
  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *member;

      if (*reader->at != '"')
        return NULL;
      reader->at++;
      if (!read_string (reader))
        return NULL;
      name = g_strndup (reader->text->str, reader->text->len);
      skip_space (reader);
      if (*reader->at != ':')
        return NULL;
      reader->at++;
      member = read_value (reader);
      if (member == NULL)
        return NULL;
      if (json_object_has_member (object, name))
        {
          json_node_unref (member);
          return NULL;
        }
      json_object_set_member (object, name, member);
      skip_space (reader);
      if (*reader->at == '}')
        {
          reader->at++;
          return json_node_init_object (json_node_alloc (), object);
        }
      if (*reader->at != ',')
        return NULL;
      reader->at++;
      skip_space (reader);
    }
}

static JsonNode *
read_array (Reader *reader)
{
  g_autoptr(JsonArray) array = json_array_new ();

  skip_space (reader);
  if (*reader->at == ']')
    {
      reader->at++;
      return json_node_init_array (json_node_alloc (), array);
    }
  for (;;)
    {
      JsonNode *element = read_value (reader);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
      skip_space (reader);
      if (*reader->at == ']')
        {
          reader->at++;
          return json_node_init_array (json_node_alloc (), array);
        }
      if (*reader->at != ',')
        return NULL;
      reader->at++;
    }
}

static JsonNode *
read_integer (Reader *reader)
{
  const char *p = reader->at;
  gboolean negative = *p == '-';
  gint64 value = 0;
  guint digits = 0;

  if (negative)
    p++;
  /* No leading zeros, at most 18 digits: no overflow. */
  if (*p == '0' && g_ascii_isdigit (p[1]))
    return NULL;
  while (g_ascii_isdigit (*p))
    {
      if (++digits > 18)
        return NULL;
      value = value * 10 + (*p++ - '0');
    }
  if (digits == 0 || *p == '.' || *p == 'e' || *p == 'E')
    return NULL;
  reader->at = p;
  return json_node_init_int (json_node_alloc (), negative ? -value : value);
}

static JsonNode *
read_nested (Reader   *reader,
             gboolean  object)
{
  JsonNode *node;

  if (++reader->depth > MAX_DEPTH)
    return NULL;
  reader->at++;
  node = object ? read_object (reader) : read_array (reader);
  reader->depth--;
  return node;
}

static JsonNode *
read_value (Reader *reader)
{
  skip_space (reader);
  switch (*reader->at)
    {
    case '{':
      return read_nested (reader, TRUE);
    case '[':
      return read_nested (reader, FALSE);
    case '"':
      reader->at++;
      if (!read_string (reader))
        return NULL;
      return json_node_init_string (json_node_alloc (), reader->text->str);
    case 't':
      if (strncmp (reader->at, "true", 4) != 0)
        return NULL;
      reader->at += 4;
      return json_node_init_boolean (json_node_alloc (), TRUE);
    case 'f':
      if (strncmp (reader->at, "false", 5) != 0)
        return NULL;
      reader->at += 5;
      return json_node_init_boolean (json_node_alloc (), FALSE);
    case 'n':
      if (strncmp (reader->at, "null", 4) != 0)
        return NULL;
      reader->at += 4;
      return json_node_init_null (json_node_alloc ());
    default:
      return read_integer (reader);
    }
}

/* @text as json_from_string() reads it: NULL where it is not JSON. */
JsonNode *
gk_bundle_read_fields (const char *text)
{
  g_autoptr(GString) buffer = NULL;
  Reader reader = { text, NULL, 0 };
  JsonNode *node;

  if (text == NULL)
    return NULL;
  buffer = g_string_sized_new (256);
  reader.text = buffer;
  node = read_value (&reader);
  if (node != NULL)
    {
      skip_space (&reader);
      if (*reader.at == '\0')
        return node;
      json_node_unref (node);
    }
  return json_from_string (text, NULL);
}
