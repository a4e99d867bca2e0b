/* gk-sidebar.c: the window's sidebar: one row per section, the chosen one as the "section" property. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gk-sidebar.h"
#include "gk-tab-out.h"

/* The four domains of the implementation plan, the blacklist and the
 * units' work plans, then the catalog, requests and supervision views. */
static const struct {
  const char *key;
  const char *title;
  const char *icon_name;
  GkSectionKind kind;
  const char *domain;     /* records of this domain, or NULL */
} sections[] = {
  { "housing-construction", N_("Affordable Housing Construction"), "view-grid-symbolic", GK_SECTION_DOMAIN, "housing-construction" },
  { "housing-allocation", N_("Affordable Housing Allocation"), "go-home-symbolic", GK_SECTION_DOMAIN, "housing-allocation" },
  { "procurement", N_("Government Procurement"), "emblem-documents-symbolic", GK_SECTION_DOMAIN, "procurement" },
  { "bidding", N_("Construction Project Bidding"), "document-send-symbolic", GK_SECTION_DOMAIN, "bidding" },
  { "blacklist", N_("Blacklist"), "action-unavailable-symbolic", GK_SECTION_DOMAIN, "blacklist" },
  { "work-plan", N_("Work Plans"), "document-properties-symbolic", GK_SECTION_DOMAIN, "work-plan" },
  { "catalog", N_("Disclosure Catalog"), "view-list-symbolic", GK_SECTION_CATALOG, NULL },
  { "requests", N_("Disclosure Requests"), "mail-unread-symbolic", GK_SECTION_REQUESTS, "request" },
  { "supervision", N_("Supervision"), "alarm-symbolic", GK_SECTION_SUPERVISION, NULL },
};

struct _GkSidebar
{
  GtkWidget parent_instance;

  AdwWindowTitle *title;
  GtkListBox *list_box;

  gboolean folded;
};

G_DEFINE_FINAL_TYPE (GkSidebar, gk_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SECTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char * const *
gk_sidebar_list_sections (void)
{
  static const char *keys[G_N_ELEMENTS (sections) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      keys[i] = sections[i].key;
  return keys;
}

GkSectionKind
gk_sidebar_section_kind (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].key, key) == 0)
      return sections[i].kind;
  return GK_SECTION_NONE;
}

const char *
gk_sidebar_section_domain (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].key, key) == 0)
      return sections[i].domain;
  return NULL;
}

const char *
gk_sidebar_domain_section (const char *domain)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].domain, domain) == 0)
      return sections[i].key;
  return NULL;
}

static void
on_list_box_row_selected_cb (GkSidebar     *self,
                             GtkListBoxRow *row)
{
  if (row != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

static void
on_list_box_row_activated_cb (GkSidebar     *self,
                              GtkListBoxRow *row)
{
  g_signal_emit (self, signals[SECTION_ACTIVATED], 0);
}

static void
gk_sidebar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_SIDEBAR);
  /* The header bar and the scrolled list have no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gk_sidebar_parent_class)->dispose (object);
}

static void
gk_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GkSidebar *self = GK_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, gk_sidebar_get_section (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GkSidebar *self = GK_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      gk_sidebar_set_section (self, g_value_get_string (value));
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* One Tab stop for the sections: Tab goes on to the record list. */
static gboolean
gk_sidebar_focus (GtkWidget        *widget,
                  GtkDirectionType  direction)
{
  return gk_tab_out_focus (widget, direction, GTK_WIDGET (GK_SIDEBAR (widget)->list_box),
                           GTK_WIDGET_CLASS (gk_sidebar_parent_class));
}

static void
gk_sidebar_class_init (GkSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_sidebar_dispose;
  object_class->get_property = gk_sidebar_get_property;
  object_class->set_property = gk_sidebar_set_property;
  widget_class->focus = gk_sidebar_focus;

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkSidebar::section-activated:
   *
   * The clerk chose the selected section (on a folded window: move on to it).
   */
  signals[SECTION_ACTIVATED] =
    g_signal_new ("section-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GkSidebar, title);
  gtk_widget_class_bind_template_child (widget_class, GkSidebar, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
gk_sidebar_init (GkSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->list_box,
                         gk_sidebar_row_new (sections[i].key, _(sections[i].title), sections[i].icon_name));
}

GtkWidget *
gk_sidebar_new (void)
{
  return g_object_new (GK_TYPE_SIDEBAR, NULL);
}

const char *
gk_sidebar_get_section (GkSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GK_IS_SIDEBAR (self), NULL);

  row = gtk_list_box_get_selected_row (self->list_box);
  return row != NULL ? gk_sidebar_row_get_key (GK_SIDEBAR_ROW (row)) : NULL;
}

gboolean
gk_sidebar_set_section (GkSidebar  *self,
                        const char *key)
{
  GkSidebarRow *row;

  g_return_val_if_fail (GK_IS_SIDEBAR (self), FALSE);

  row = gk_sidebar_get_row (self, key);
  if (row == NULL)
    return FALSE;
  /* Selecting the row notifies "section". */
  if (gtk_list_box_get_selected_row (self->list_box) != GTK_LIST_BOX_ROW (row))
    gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
  return TRUE;
}

GkSidebarRow *
gk_sidebar_get_row (GkSidebar  *self,
                    const char *key)
{
  g_return_val_if_fail (GK_IS_SIDEBAR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GK_IS_SIDEBAR_ROW (child) &&
          g_strcmp0 (gk_sidebar_row_get_key (GK_SIDEBAR_ROW (child)), key) == 0)
        return GK_SIDEBAR_ROW (child);
    }
  return NULL;
}

GtkListBox *
gk_sidebar_get_list_box (GkSidebar *self)
{
  g_return_val_if_fail (GK_IS_SIDEBAR (self), NULL);
  return self->list_box;
}

/* Which ledger the window shows: its organisation, or that it is the sample. */
void
gk_sidebar_set_subtitle (GkSidebar  *self,
                         const char *subtitle)
{
  g_return_if_fail (GK_IS_SIDEBAR (self));
  adw_window_title_set_subtitle (self->title, subtitle != NULL ? subtitle : "");
}
