/* gk-window.c: the main window: sidebar of sections, record list, editor pane. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-sidebar-row.h"
#include "gk-window-private.h"

G_DEFINE_FINAL_TYPE (GkWindow, gk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar: the four domains of the implementation plan and the blacklist,
 * then the catalog, requests and supervision views. */
static const struct {
  const char *key;
  const char *title;
  const char *icon_name;
} sections[] = {
  { "housing-construction", N_("Affordable Housing Construction"), "view-grid-symbolic" },
  { "housing-allocation", N_("Affordable Housing Allocation"), "go-home-symbolic" },
  { "procurement", N_("Government Procurement"), "emblem-documents-symbolic" },
  { "bidding", N_("Construction Project Bidding"), "document-send-symbolic" },
  { "blacklist", N_("Blacklist"), "action-unavailable-symbolic" },
  { "catalog", N_("Disclosure Catalog"), "view-list-symbolic" },
  { "requests", N_("Disclosure Requests"), "mail-unread-symbolic" },
  { "supervision", N_("Supervision"), "alarm-symbolic" },
};

static GkSidebarRow *
find_sidebar_row (GkWindow   *self,
                  const char *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GK_IS_SIDEBAR_ROW (child) &&
          g_strcmp0 (gk_sidebar_row_get_key (GK_SIDEBAR_ROW (child)), key) == 0)
        return GK_SIDEBAR_ROW (child);
    }

  return NULL;
}

static void
update_panes (GkWindow *self)
{
  GkSidebarRow *row = find_sidebar_row (self, self->section);
  guint count = row != NULL ? gk_sidebar_row_get_count (row) : 0;
  g_autofree char *subtitle = NULL;

  if (row != NULL)
    adw_window_title_set_title (self->list_title, gk_sidebar_row_get_title (row));

  subtitle = g_strdup_printf (ngettext ("%u record", "%u records", count), count);
  adw_window_title_set_subtitle (self->list_title, subtitle);

  gtk_stack_set_visible_child_name (self->list_stack, count > 0 ? "records" : "empty");
  gtk_stack_set_visible_child_name (self->content_stack,
                                    self->total_records == 0 ? "empty-ledger" : "no-selection");
}

static void
on_sidebar_list_row_selected_cb (GkWindow      *self,
                                 GtkListBoxRow *row)
{
  if (row == NULL)
    return;

  gk_window_set_section (self, gk_sidebar_row_get_key (GK_SIDEBAR_ROW (row)));
}

static void
on_sidebar_list_row_activated_cb (GkWindow      *self,
                                  GtkListBoxRow *row)
{
  /* On a folded window, choosing a section moves on to its list. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
on_search_entry_search_changed_cb (GkWindow       *self,
                                   GtkSearchEntry *entry)
{
  /* Filtering is done by the store-backed list; nothing to do without one. */
}

static void
on_search_entry_stop_search_cb (GkWindow       *self,
                                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_record_list_activate_cb (GkWindow    *self,
                            guint        position,
                            GtkListView *list)
{
  gtk_stack_set_visible_child_name (self->content_stack, "record");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
save_window_state (GkWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "selected-section", self->section);
  g_settings_apply (self->settings);
}

static gboolean
gk_window_close_request (GtkWindow *window)
{
  save_window_state (GK_WINDOW (window));

  return GTK_WINDOW_CLASS (gk_window_parent_class)->close_request (window);
}

static void
gk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GkWindow *self = GK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GkWindow *self = GK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      gk_window_set_section (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_window_dispose (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gk_window_parent_class)->dispose (object);
}

static void
gk_window_finalize (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);

  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (gk_window_parent_class)->finalize (object);
}

static void
gk_window_class_init (GkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gk_window_dispose;
  object_class->finalize = gk_window_finalize;
  object_class->get_property = gk_window_get_property;
  object_class->set_property = gk_window_set_property;
  window_class->close_request = gk_window_close_request;

  /* The sidebar section shown: a domain key, or catalog, requests, supervision. */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, record_list);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, list_empty_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, record_box);

  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_record_list_activate_cb);

  g_type_ensure (GK_TYPE_SIDEBAR_ROW);
}

static void
gk_window_init (GkWindow *self)
{
  g_autofree char *saved_section = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sidebar_list,
                         gk_sidebar_row_new (sections[i].key, _(sections[i].title), sections[i].icon_name));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->list_pane);

  gk_window_actions_init (self);

  saved_section = g_settings_get_string (self->settings, "selected-section");
  if (find_sidebar_row (self, saved_section) == NULL)
    {
      g_free (saved_section);
      saved_section = g_strdup (sections[0].key);
    }
  gk_window_set_section (self, saved_section);
}

GkWindow *
gk_window_new (GkApplication *application)
{
  return g_object_new (GK_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

const char *
gk_window_get_section (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);

  return self->section;
}

void
gk_window_set_section (GkWindow   *self,
                       const char *key)
{
  GkSidebarRow *row;

  g_return_if_fail (GK_IS_WINDOW (self));

  row = find_sidebar_row (self, key);
  if (row == NULL)
    {
      g_warning ("Unknown section “%s”", key);
      return;
    }

  if (g_strcmp0 (self->section, key) != 0)
    {
      g_free (self->section);
      self->section = g_strdup (key);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
    }

  if (gtk_list_box_get_selected_row (self->sidebar_list) != GTK_LIST_BOX_ROW (row))
    gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));

  update_panes (self);
  gk_window_actions_update (self);
}
