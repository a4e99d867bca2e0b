/* gk-record-list-pane.c: the list pane of the main window: a lazy list of record rows, its search bar, the supervision unit filter, and the empty states. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-a11y-value.h"
#include "gk-compat.h"
#include "gk-record-list-pane.h"
#include "gk-tab-out.h"
#include "gk-record-row.h"
#include "gk-unit-item.h"

struct _GkRecordListPane
{
  GtkWidget parent_instance;

  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkToggleButton *section_scope_button;
  GtkToggleButton *all_scope_button;
  GtkDropDown *unit_dropdown;
  GtkStack *list_stack;
  GtkListView *record_list;
  AdwStatusPage *list_empty_page;
  GtkListBox *catalog_list;

  char *title;
  char *subtitle;
  char *today;
  char *due_soon_by;
  gboolean folded;
  gboolean shows_report;
  gboolean shows_units;
};

G_DEFINE_FINAL_TYPE (GkRecordListPane, gk_record_list_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_PAGE,
  PROP_SEARCH_TEXT,
  PROP_SEARCH_MODE,
  PROP_SEARCH_ALL,
  PROP_SHOWS_REPORT,
  PROP_SHOWS_UNITS,
  PROP_UNITS,
  PROP_SELECTED_UNIT,
  PROP_TODAY,
  PROP_DUE_SOON_BY,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_search_entry_search_changed_cb (GkRecordListPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

static void
on_all_scope_button_active_cb (GkRecordListPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_ALL]);
}

static void
on_search_entry_stop_search_cb (GkRecordListPane *self)
{
  gk_record_list_pane_set_search_mode (self, FALSE);
}

static void
on_search_bar_mode_cb (GkRecordListPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
on_unit_dropdown_selected_cb (GkRecordListPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UNIT]);
}

static void
activate_record (GkRecordListPane *self,
                 GkRecord         *record)
{
  if (record != NULL)
    g_signal_emit (self, signals[RECORD_ACTIVATED], 0, record);
}

static void
on_record_list_activate_cb (GkRecordListPane *self,
                            guint             position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->record_list));
  g_autoptr(GkRecord) record = model != NULL ? g_list_model_get_item (model, position) : NULL;

  activate_record (self, record);
}

/* Folded (a narrow window, a touch screen), a tap on a record opens it, as
 * a double click or Enter does on a wide window. */
static void
on_record_list_released_cb (GkRecordListPane *self,
                            int               n_press)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->record_list);

  if (n_press != 1 || !self->folded || !GTK_IS_SINGLE_SELECTION (model))
    return;
  activate_record (self, gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)));
}

static void
setup_record_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (item, gk_record_row_new ());
}

static void
bind_record_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GkRecordListPane         *self)
{
  GkRecordRow *row = GK_RECORD_ROW (gtk_list_item_get_child (item));

  /* Set first: the row marks why the record matched as it shows it. */
  gk_record_row_set_search_text (row, gk_record_list_pane_get_search_text (self));
  gk_record_row_set_record (row, gtk_list_item_get_item (item), self->today, self->due_soon_by);
}

static void
unbind_record_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  gk_record_row_set_record (GK_RECORD_ROW (gtk_list_item_get_child (item)), NULL, NULL, NULL);
}

static void
gk_record_list_pane_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_RECORD_LIST_PANE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gk_record_list_pane_parent_class)->dispose (object);
}

static void
gk_record_list_pane_finalize (GObject *object)
{
  GkRecordListPane *self = GK_RECORD_LIST_PANE (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->today);
  g_free (self->due_soon_by);

  G_OBJECT_CLASS (gk_record_list_pane_parent_class)->finalize (object);
}

static void
set_string (GkRecordListPane *self,
            char            **field,
            const char       *value,
            guint             prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_boolean (GkRecordListPane *self,
             gboolean         *field,
             gboolean          value,
             guint             prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
gk_record_list_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GkRecordListPane *self = GK_RECORD_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, gtk_list_view_get_model (self->record_list));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_PAGE:
      g_value_set_string (value, gk_record_list_pane_get_page (self));
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, gk_record_list_pane_get_search_text (self));
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gk_record_list_pane_get_search_mode (self));
      break;
    case PROP_SEARCH_ALL:
      g_value_set_boolean (value, gk_record_list_pane_get_search_all (self));
      break;
    case PROP_SHOWS_REPORT:
      g_value_set_boolean (value, self->shows_report);
      break;
    case PROP_SHOWS_UNITS:
      g_value_set_boolean (value, self->shows_units);
      break;
    case PROP_UNITS:
      g_value_set_object (value, gtk_drop_down_get_model (self->unit_dropdown));
      break;
    case PROP_SELECTED_UNIT:
      g_value_set_uint (value, gk_record_list_pane_get_selected_unit (self));
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_DUE_SOON_BY:
      g_value_set_string (value, self->due_soon_by);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_record_list_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GkRecordListPane *self = GK_RECORD_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      gtk_list_view_set_model (self->record_list, g_value_get_object (value));
      break;
    case PROP_TITLE:
      set_string (self, &self->title, g_value_get_string (value), prop_id);
      break;
    case PROP_SUBTITLE:
      set_string (self, &self->subtitle, g_value_get_string (value), prop_id);
      break;
    case PROP_PAGE:
      if (g_strcmp0 (gk_record_list_pane_get_page (self), g_value_get_string (value)) != 0)
        {
          gtk_stack_set_visible_child_name (self->list_stack, g_value_get_string (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SEARCH_MODE:
      gk_record_list_pane_set_search_mode (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH_ALL:
      gk_record_list_pane_set_search_all (self, g_value_get_boolean (value));
      break;
    case PROP_SHOWS_REPORT:
      set_boolean (self, &self->shows_report, g_value_get_boolean (value), prop_id);
      break;
    case PROP_SHOWS_UNITS:
      set_boolean (self, &self->shows_units, g_value_get_boolean (value), prop_id);
      break;
    case PROP_UNITS:
      gtk_drop_down_set_model (self->unit_dropdown, g_value_get_object (value));
      break;
    case PROP_SELECTED_UNIT:
      gtk_drop_down_set_selected (self->unit_dropdown, g_value_get_uint (value));
      break;
    case PROP_TODAY:
      set_string (self, &self->today, g_value_get_string (value), prop_id);
      break;
    case PROP_DUE_SOON_BY:
      set_string (self, &self->due_soon_by, g_value_get_string (value), prop_id);
      break;
    case PROP_FOLDED:
      set_boolean (self, &self->folded, g_value_get_boolean (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The sort menu is hidden where the order is fixed (supervision lists the
 * most urgent first), which is where the report button takes its room. */
static gboolean
invert_boolean (GkRecordListPane *self,
                gboolean          value)
{
  return !value;
}

/* One Tab stop for the list, whichever is shown: arrows move within it. */
static gboolean
gk_record_list_pane_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  GkRecordListPane *self = GK_RECORD_LIST_PANE (widget);
  GtkWidget *list = g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "catalog") == 0
                  ? GTK_WIDGET (self->catalog_list) : GTK_WIDGET (self->record_list);

  return gk_tab_out_focus (widget, direction, list, GTK_WIDGET_CLASS (gk_record_list_pane_parent_class));
}

static void
gk_record_list_pane_class_init (GkRecordListPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gk_record_list_pane_dispose;
  object_class->finalize = gk_record_list_pane_finalize;
  object_class->get_property = gk_record_list_pane_get_property;
  object_class->set_property = gk_record_list_pane_set_property;
  widget_class->focus = gk_record_list_pane_focus;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SELECTION_MODEL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, rw);
  properties[PROP_PAGE] = g_param_spec_string ("page", NULL, NULL, NULL, rw);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] = g_param_spec_boolean ("search-mode", NULL, NULL, FALSE, rw);
  properties[PROP_SEARCH_ALL] = g_param_spec_boolean ("search-all", NULL, NULL, FALSE, rw);
  properties[PROP_SHOWS_REPORT] = g_param_spec_boolean ("shows-report", NULL, NULL, FALSE, rw);
  properties[PROP_SHOWS_UNITS] = g_param_spec_boolean ("shows-units", NULL, NULL, FALSE, rw);
  properties[PROP_UNITS] = g_param_spec_object ("units", NULL, NULL, G_TYPE_LIST_MODEL, rw);
  properties[PROP_SELECTED_UNIT] = g_param_spec_uint ("selected-unit", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_TODAY] = g_param_spec_string ("today", NULL, NULL, NULL, rw);
  properties[PROP_DUE_SOON_BY] = g_param_spec_string ("due-soon-by", NULL, NULL, NULL, rw);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkRecordListPane::record-activated:
   * @record: the record to open
   *
   * The clerk opened a record of the list.
   */
  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GK_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-record-list-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, GkRecordListPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GkRecordListPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkRecordListPane, section_scope_button);
  gtk_widget_class_bind_template_child (widget_class, GkRecordListPane, all_scope_button);
  gtk_widget_class_bind_template_child (widget_class, GkRecordListPane, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GkRecordListPane, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GkRecordListPane, record_list);
  gtk_widget_class_bind_template_child (widget_class, GkRecordListPane, list_empty_page);
  gtk_widget_class_bind_template_child (widget_class, GkRecordListPane, catalog_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_scope_button_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_record_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, invert_boolean);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  g_type_ensure (GK_TYPE_RECORD_ROW);
  g_type_ensure (GK_TYPE_UNIT_ITEM);
}

static void
gk_record_list_pane_init (GkRecordListPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gk_a11y_value_follow (GTK_WIDGET (self->unit_dropdown), _("Responsible unit"));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_record_list_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->record_list), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_record_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_record_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_record_row_cb), self);
  gtk_list_view_set_factory (self->record_list, factory);

  /* "园林" finds 区园林局. */
  gk_drop_down_search_anywhere (self->unit_dropdown);

  /* The store refuses longer texts; the entry stops taking them. */
  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry))),
                           GK_SEARCH_MAX_CHARS);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_bar_mode_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gk_record_list_pane_new (void)
{
  return g_object_new (GK_TYPE_RECORD_LIST_PANE, NULL);
}

const char *
gk_record_list_pane_get_title (GkRecordListPane *self)
{
  g_return_val_if_fail (GK_IS_RECORD_LIST_PANE (self), NULL);
  return self->title;
}

const char *
gk_record_list_pane_get_page (GkRecordListPane *self)
{
  g_return_val_if_fail (GK_IS_RECORD_LIST_PANE (self), NULL);
  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
gk_record_list_pane_get_search_text (GkRecordListPane *self)
{
  g_return_val_if_fail (GK_IS_RECORD_LIST_PANE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

gboolean
gk_record_list_pane_get_search_mode (GkRecordListPane *self)
{
  g_return_val_if_fail (GK_IS_RECORD_LIST_PANE (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
gk_record_list_pane_set_search_mode (GkRecordListPane *self,
                                     gboolean          search_mode)
{
  g_return_if_fail (GK_IS_RECORD_LIST_PANE (self));

  if (!search_mode)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
gk_record_list_pane_get_search_all (GkRecordListPane *self)
{
  g_return_val_if_fail (GK_IS_RECORD_LIST_PANE (self), FALSE);
  return gtk_toggle_button_get_active (self->all_scope_button);
}

void
gk_record_list_pane_set_search_all (GkRecordListPane *self,
                                    gboolean          search_all)
{
  g_return_if_fail (GK_IS_RECORD_LIST_PANE (self));
  gtk_toggle_button_set_active (search_all ? self->all_scope_button : self->section_scope_button, TRUE);
}

guint
gk_record_list_pane_get_selected_unit (GkRecordListPane *self)
{
  g_return_val_if_fail (GK_IS_RECORD_LIST_PANE (self), 0);
  return gtk_drop_down_get_selected (self->unit_dropdown);
}

void
gk_record_list_pane_set_empty (GkRecordListPane *self,
                               const char       *icon_name,
                               const char       *title,
                               const char       *description)
{
  g_return_if_fail (GK_IS_RECORD_LIST_PANE (self));

  adw_status_page_set_icon_name (self->list_empty_page, icon_name);
  adw_status_page_set_title (self->list_empty_page, title);
  adw_status_page_set_description (self->list_empty_page, description);
}

GtkListBox *
gk_record_list_pane_get_catalog_list (GkRecordListPane *self)
{
  g_return_val_if_fail (GK_IS_RECORD_LIST_PANE (self), NULL);
  return self->catalog_list;
}

GtkListView *
gk_record_list_pane_get_list_view (GkRecordListPane *self)
{
  g_return_val_if_fail (GK_IS_RECORD_LIST_PANE (self), NULL);
  return self->record_list;
}
