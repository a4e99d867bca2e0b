/* gk-item.c: one catalog item (公开目录 row), as the shipped catalog describes it and the ledger keeps it. */
#include "config.h"

#include "gk-item.h"

enum {
  PROP_0,
  /* Texts: kept in GkItem.texts, indexed by property. */
  PROP_KEY,
  PROP_DOMAIN,
  PROP_LEVEL1,
  PROP_LEVEL2,
  PROP_CONTENTS,
  PROP_DEADLINE_RULE,
  PROP_TIME_LIMIT,
  PROP_AUDIENCE,
  PROP_MODE,
  PROP_LEVEL,
  PROP_SUPERVISION,
  PROP_PROJECT_KIND,
  /* Lists: kept in GkItem.lists. */
  PROP_BASIS,
  PROP_UNITS,
  PROP_CHANNELS,
  /* The rest. */
  PROP_ID,
  PROP_SCHEMA,
  PROP_STAGE,
  PROP_STAGE_REQUIRED,
  PROP_RETIRED,
  N_PROPS
};

#define FIRST_TEXT PROP_KEY
#define N_TEXTS    (PROP_PROJECT_KIND - PROP_KEY + 1)
#define FIRST_LIST PROP_BASIS
#define N_LISTS    (PROP_CHANNELS - PROP_BASIS + 1)

struct _GkItem
{
  GObject parent_instance;

  gint64 id;
  char *texts[N_TEXTS];
  GStrv lists[N_LISTS];
  GkSchema *schema;
  int stage;
  gboolean stage_required;
  gboolean retired;
};

G_DEFINE_FINAL_TYPE (GkItem, gk_item, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char * const empty_list[] = { NULL };

#define TEXT(self, prop) ((self)->texts[(prop) - FIRST_TEXT])
#define LIST(self, prop) ((self)->lists[(prop) - FIRST_LIST])

static void
set_text (GkItem     *self,
          guint       prop,
          const char *text)
{
  if (g_strcmp0 (TEXT (self, prop), text) == 0)
    return;
  g_free (TEXT (self, prop));
  TEXT (self, prop) = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_list (GkItem             *self,
          guint               prop,
          const char * const *list)
{
  if (list == NULL)
    list = empty_list;
  if (g_strv_equal ((const char * const *) LIST (self, prop), list))
    return;
  g_strfreev (LIST (self, prop));
  LIST (self, prop) = g_strdupv ((GStrv) list);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_flag (GkItem   *self,
          gboolean *flag,
          guint     prop,
          gboolean  value)
{
  value = !!value;
  if (*flag == value)
    return;
  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
gk_item_finalize (GObject *object)
{
  GkItem *self = GK_ITEM (object);

  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < N_LISTS; i++)
    g_strfreev (self->lists[i]);
  g_clear_pointer (&self->schema, gk_schema_unref);

  G_OBJECT_CLASS (gk_item_parent_class)->finalize (object);
}

static void
gk_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  GkItem *self = GK_ITEM (object);

  if (prop_id >= FIRST_TEXT && prop_id < FIRST_TEXT + N_TEXTS)
    {
      g_value_set_string (value, TEXT (self, prop_id));
      return;
    }
  if (prop_id >= FIRST_LIST && prop_id < FIRST_LIST + N_LISTS)
    {
      g_value_set_boxed (value, LIST (self, prop_id));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SCHEMA:
      g_value_set_boxed (value, self->schema);
      break;
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    case PROP_STAGE_REQUIRED:
      g_value_set_boolean (value, self->stage_required);
      break;
    case PROP_RETIRED:
      g_value_set_boolean (value, self->retired);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  GkItem *self = GK_ITEM (object);

  switch (prop_id)
    {
    case PROP_KEY:
    case PROP_DOMAIN:
      /* Construct-only: no notification. */
      TEXT (self, prop_id) = g_value_dup_string (value);
      break;
    case PROP_ID:
      gk_item_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SCHEMA:
      gk_item_set_schema (self, g_value_get_boxed (value));
      break;
    case PROP_STAGE:
      gk_item_set_stage (self, TEXT (self, PROP_PROJECT_KIND), g_value_get_int (value));
      break;
    case PROP_STAGE_REQUIRED:
      gk_item_set_stage_required (self, g_value_get_boolean (value));
      break;
    case PROP_RETIRED:
      gk_item_set_retired (self, g_value_get_boolean (value));
      break;
    default:
      if (prop_id >= FIRST_TEXT && prop_id < FIRST_TEXT + N_TEXTS)
        set_text (self, prop_id, g_value_get_string (value));
      else if (prop_id >= FIRST_LIST && prop_id < FIRST_LIST + N_LISTS)
        set_list (self, prop_id, g_value_get_boxed (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_item_class_init (GkItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const text_names[N_TEXTS] = {
    "key", "domain", "level1", "level2", "contents", "deadline-rule", "time-limit",
    "audience", "mode", "level", "supervision", "project-kind",
  };
  static const char * const list_names[N_LISTS] = { "basis", "units", "channels" };

  object_class->finalize = gk_item_finalize;
  object_class->get_property = gk_item_get_property;
  object_class->set_property = gk_item_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    {
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

      if (FIRST_TEXT + i == PROP_KEY || FIRST_TEXT + i == PROP_DOMAIN)
        flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
      properties[FIRST_TEXT + i] = g_param_spec_string (text_names[i], NULL, NULL, NULL, flags);
    }
  for (guint i = 0; i < N_LISTS; i++)
    properties[FIRST_LIST + i] =
      g_param_spec_boxed (list_names[i], NULL, NULL, G_TYPE_STRV,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA] =
    g_param_spec_boxed ("schema", NULL, NULL, GK_TYPE_SCHEMA,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE_REQUIRED] =
    g_param_spec_boolean ("stage-required", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETIRED] =
    g_param_spec_boolean ("retired", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_item_init (GkItem *self)
{
  for (guint i = 0; i < N_LISTS; i++)
    self->lists[i] = g_strdupv ((GStrv) empty_list);
}

GkItem *
gk_item_new (const char *key,
             const char *domain)
{
  g_return_val_if_fail (key != NULL && domain != NULL, NULL);

  return g_object_new (GK_TYPE_ITEM, "key", key, "domain", domain, NULL);
}

GkItem *
gk_item_copy (GkItem *self)
{
  GkItem *copy;

  g_return_val_if_fail (GK_IS_ITEM (self), NULL);

  copy = gk_item_new (TEXT (self, PROP_KEY), TEXT (self, PROP_DOMAIN));
  copy->id = self->id;
  for (guint i = 0; i < N_TEXTS; i++)
    if (copy->texts[i] == NULL)
      copy->texts[i] = g_strdup (self->texts[i]);
  for (guint i = 0; i < N_LISTS; i++)
    {
      g_strfreev (copy->lists[i]);
      copy->lists[i] = g_strdupv (self->lists[i]);
    }
  copy->schema = self->schema != NULL ? gk_schema_ref (self->schema) : NULL;
  copy->stage = self->stage;
  copy->stage_required = self->stage_required;
  copy->retired = self->retired;
  return copy;
}

gint64
gk_item_get_id (GkItem *self)
{
  g_return_val_if_fail (GK_IS_ITEM (self), 0);
  return self->id;
}

void
gk_item_set_id (GkItem *self,
                gint64  id)
{
  g_return_if_fail (GK_IS_ITEM (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define TEXT_GETTER(name, prop) \
  const char * \
  gk_item_get_##name (GkItem *self) \
  { \
    g_return_val_if_fail (GK_IS_ITEM (self), NULL); \
    return TEXT (self, prop); \
  }

#define TEXT_ACCESSORS(name, prop) \
  TEXT_GETTER (name, prop) \
  void \
  gk_item_set_##name (GkItem     *self, \
                      const char *value) \
  { \
    g_return_if_fail (GK_IS_ITEM (self)); \
    set_text (self, prop, value); \
  }

#define LIST_ACCESSORS(name, prop) \
  const char * const * \
  gk_item_get_##name (GkItem *self) \
  { \
    g_return_val_if_fail (GK_IS_ITEM (self), empty_list); \
    return (const char * const *) LIST (self, prop); \
  } \
  void \
  gk_item_set_##name (GkItem             *self, \
                      const char * const *value) \
  { \
    g_return_if_fail (GK_IS_ITEM (self)); \
    set_list (self, prop, value); \
  }

TEXT_GETTER (key, PROP_KEY)
TEXT_GETTER (domain, PROP_DOMAIN)
TEXT_GETTER (project_kind, PROP_PROJECT_KIND)
TEXT_ACCESSORS (level1, PROP_LEVEL1)
TEXT_ACCESSORS (level2, PROP_LEVEL2)
TEXT_ACCESSORS (contents, PROP_CONTENTS)
TEXT_ACCESSORS (deadline_rule, PROP_DEADLINE_RULE)
TEXT_ACCESSORS (time_limit, PROP_TIME_LIMIT)
TEXT_ACCESSORS (audience, PROP_AUDIENCE)
TEXT_ACCESSORS (mode, PROP_MODE)
TEXT_ACCESSORS (level, PROP_LEVEL)
TEXT_ACCESSORS (supervision, PROP_SUPERVISION)
LIST_ACCESSORS (basis, PROP_BASIS)
LIST_ACCESSORS (units, PROP_UNITS)
LIST_ACCESSORS (channels, PROP_CHANNELS)

gboolean
gk_item_is_proactive (GkItem *self)
{
  g_return_val_if_fail (GK_IS_ITEM (self), FALSE);

  return g_strcmp0 (gk_item_get_mode (self), "依申请公开") != 0 &&
         g_strcmp0 (gk_item_get_deadline_rule (self), GK_ITEM_RULE_REQUEST) != 0 &&
         g_strcmp0 (gk_item_get_deadline_rule (self), GK_ITEM_RULE_NONE) != 0;
}

char *
gk_item_dup_basis_text (GkItem *self)
{
  g_return_val_if_fail (GK_IS_ITEM (self), NULL);

  return g_strjoinv ("；", LIST (self, PROP_BASIS));
}

GkSchema *
gk_item_get_schema (GkItem *self)
{
  g_return_val_if_fail (GK_IS_ITEM (self), NULL);
  return self->schema;
}

void
gk_item_set_schema (GkItem   *self,
                    GkSchema *schema)
{
  g_return_if_fail (GK_IS_ITEM (self));

  if (self->schema == schema)
    return;
  if (schema != NULL)
    gk_schema_ref (schema);
  g_clear_pointer (&self->schema, gk_schema_unref);
  self->schema = schema;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEMA]);
}

int
gk_item_get_stage (GkItem *self)
{
  g_return_val_if_fail (GK_IS_ITEM (self), 0);
  return self->stage;
}

void
gk_item_set_stage (GkItem     *self,
                   const char *project_kind,
                   int         stage)
{
  g_return_if_fail (GK_IS_ITEM (self));

  set_text (self, PROP_PROJECT_KIND, project_kind);
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

gboolean
gk_item_get_stage_required (GkItem *self)
{
  g_return_val_if_fail (GK_IS_ITEM (self), FALSE);
  return self->stage_required;
}

void
gk_item_set_stage_required (GkItem   *self,
                            gboolean  required)
{
  g_return_if_fail (GK_IS_ITEM (self));

  set_flag (self, &self->stage_required, PROP_STAGE_REQUIRED, required);
}

gboolean
gk_item_get_retired (GkItem *self)
{
  g_return_val_if_fail (GK_IS_ITEM (self), FALSE);
  return self->retired;
}

void
gk_item_set_retired (GkItem   *self,
                     gboolean  retired)
{
  g_return_if_fail (GK_IS_ITEM (self));

  set_flag (self, &self->retired, PROP_RETIRED, retired);
}

gboolean
gk_item_has_unit (GkItem     *self,
                  const char *unit)
{
  g_return_val_if_fail (GK_IS_ITEM (self), FALSE);

  return unit != NULL && g_strv_contains ((const char * const *) LIST (self, PROP_UNITS), unit);
}

gboolean
gk_item_equal (GkItem *a,
               GkItem *b)
{
  g_return_val_if_fail (GK_IS_ITEM (a) && GK_IS_ITEM (b), FALSE);

  for (guint i = 0; i < N_TEXTS; i++)
    if (g_strcmp0 (a->texts[i], b->texts[i]) != 0)
      return FALSE;
  for (guint i = 0; i < N_LISTS; i++)
    if (!g_strv_equal ((const char * const *) a->lists[i], (const char * const *) b->lists[i]))
      return FALSE;

  return a->stage == b->stage &&
         a->stage_required == b->stage_required &&
         a->retired == b->retired &&
         (a->schema == b->schema ||
          (a->schema != NULL && b->schema != NULL && gk_schema_equal (a->schema, b->schema)));
}
