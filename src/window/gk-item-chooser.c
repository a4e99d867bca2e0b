/* gk-item-chooser.c: the dialog in which a clerk chooses the catalog item of a new record. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-item-chooser.h"

/* One listed item, at the index of its row. */
typedef struct
{
  char *key;
  char *domain;
  char *domain_name;
  char *level1;
  char *haystack;        /* what a search looks in, case-folded */
  gboolean matches;      /* the current search finds it */
} GkChooserEntry;

struct _GkItemChooser
{
  AdwWindow parent_instance;

  /* Template children */
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkScrolledWindow *scrolled;
  GtkListBox *list;
  AdwStatusPage *empty_page;

  GkStore *store;
  char *domain;
  GArray *entries;       /* GkChooserEntry, in row order */
  char *searched;        /* the text the rows are filtered by */
  char *initial_key;     /* selected again when the search is cleared */
  guint n_matches;
  guint scroll_tick_id;
};

G_DEFINE_FINAL_TYPE (GkItemChooser, gk_item_chooser, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DOMAIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_entry (gpointer data)
{
  GkChooserEntry *entry = data;

  g_free (entry->key);
  g_free (entry->domain);
  g_free (entry->domain_name);
  g_free (entry->level1);
  g_free (entry->haystack);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal, -1);
}

static GkChooserEntry *
get_entry (GkItemChooser *self,
           GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  g_return_val_if_fail (index >= 0 && (guint) index < self->entries->len, NULL);
  return &g_array_index (self->entries, GkChooserEntry, index);
}

static GtkListBoxRow *
get_selected_row (GkItemChooser *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row != NULL && get_entry (self, row)->matches ? row : NULL;
}

/* Every word typed must be found, in any order: "采购 结果", "result". */
static gboolean
matches_terms (const char         *haystack,
               const char * const *terms)
{
  for (guint i = 0; terms[i] != NULL; i++)
    if (*terms[i] != '\0' && strstr (haystack, terms[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  return get_entry (GK_ITEM_CHOOSER (user_data), row)->matches;
}

static GtkWidget *
create_header_label (const char *text,
                     const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, style);
  return label;
}

/* A domain's name above its first group, each 一级事项 above its items. */
static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  GkItemChooser *self = GK_ITEM_CHOOSER (user_data);
  const GkChooserEntry *entry = get_entry (self, row);
  const GkChooserEntry *previous = before != NULL ? get_entry (self, before) : NULL;
  gboolean new_domain = previous == NULL || g_strcmp0 (previous->domain, entry->domain) != 0;
  GtkWidget *header;

  if (!new_domain && g_strcmp0 (previous->level1, entry->level1) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (header, "item-chooser-header");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, new_domain && previous != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 3);
  if (new_domain)
    gtk_box_append (GTK_BOX (header), create_header_label (entry->domain_name, "heading"));
  gtk_box_append (GTK_BOX (header), create_header_label (entry->level1, "caption-heading"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (header), "dim-label");
  gtk_list_box_row_set_header (row, header);
}

/* Brings the selected row into view once it has been laid out. */
static gboolean
scroll_to_selected_tick_cb (GtkWidget     *widget,
                            GdkFrameClock *clock,
                            gpointer       user_data)
{
  GkItemChooser *self = GK_ITEM_CHOOSER (widget);
  GtkListBoxRow *row = get_selected_row (self);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  graphene_rect_t bounds;

  if (row != NULL &&
      (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds) ||
       bounds.size.height <= 0))
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  if (row != NULL)
    {
      GtkWidget *header = gtk_list_box_row_get_header (row);
      double top = bounds.origin.y;

      /* The row's group title belongs with it. */
      if (header != NULL && gtk_widget_get_visible (header))
        top -= gtk_widget_get_height (header);
      gtk_adjustment_clamp_page (adjustment, MAX (top, 0), bounds.origin.y + bounds.size.height);
    }
  return G_SOURCE_REMOVE;
}

static void
update_create_action (GkItemChooser *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.create", get_selected_row (self) != NULL);
}

static void
select_row (GkItemChooser *self,
            GtkListBoxRow *row)
{
  gtk_list_box_select_row (self->list, row);
  update_create_action (self);
  if (row != NULL && self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_selected_tick_cb, NULL, NULL);
}

/* The next matching row from @row on in direction @step (±1), or NULL. */
static GtkListBoxRow *
find_match (GkItemChooser *self,
            int            index,
            int            step)
{
  for (; index >= 0 && (guint) index < self->entries->len; index += step)
    if (g_array_index (self->entries, GkChooserEntry, index).matches)
      return gtk_list_box_get_row_at_index (self->list, index);
  return NULL;
}

static int
find_key (GkItemChooser *self,
          const char    *key)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_strcmp0 (g_array_index (self->entries, GkChooserEntry, i).key, key) == 0)
      return i;
  return -1;
}

/* Filters the rows by what is typed, unless they already are: Enter right
 * after typing must create what was typed, not what was listed before. */
static void
apply_search (GkItemChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = NULL;
  g_auto(GStrv) terms = NULL;
  GtkListBoxRow *row;

  if (self->searched != NULL && g_str_equal (self->searched, text))
    return;

  g_free (self->searched);
  self->searched = g_strdup (text);
  folded = fold (g_strstrip (g_strdup (text)));
  /* NFKC made an ideographic space an ASCII one. */
  terms = g_strsplit_set (folded, " \t", -1);
  self->n_matches = 0;
  for (guint i = 0; i < self->entries->len; i++)
    {
      GkChooserEntry *entry = &g_array_index (self->entries, GkChooserEntry, i);

      entry->matches = matches_terms (entry->haystack, (const char * const *) terms);
      self->n_matches += entry->matches;
    }

  gtk_list_box_invalidate_filter (self->list);
  gtk_list_box_invalidate_headers (self->list);
  gtk_stack_set_visible_child_name (self->stack, self->n_matches > 0 ? "items" : "no-results");

  /* What was typed picks the first match; with nothing typed, the item
   * the dialog opened on. */
  row = *folded == '\0' ? find_match (self, find_key (self, self->initial_key), 1) : NULL;
  select_row (self, row != NULL ? row : find_match (self, 0, 1));
}

static void
create_selected (GkItemChooser *self)
{
  g_autofree char *key = NULL;
  g_autoptr(GtkWidget) parent = NULL;

  apply_search (self);
  key = g_strdup (gk_item_chooser_get_selected_key (self));
  if (key == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    parent = g_object_ref (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))));
  /* Gone first, so that the new record's editor takes the focus in the window. */
  gtk_window_destroy (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (parent, "win.new-record-of-item", "s", key);
}

static void
on_search_entry_search_changed_cb (GkItemChooser *self)
{
  apply_search (self);
}

static void
on_search_entry_activate_cb (GkItemChooser *self)
{
  create_selected (self);
}

static void
on_search_entry_stop_search_cb (GkItemChooser *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_search_entry_key_pressed_cb (GkItemChooser   *self,
                                guint            keyval,
                                guint            keycode,
                                GdkModifierType  state)
{
  GtkListBoxRow *selected;
  GtkListBoxRow *next;
  int step;
  int from;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    step = 1;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    step = -1;
  else
    return GDK_EVENT_PROPAGATE;

  apply_search (self);
  selected = get_selected_row (self);
  from = selected != NULL ? gtk_list_box_row_get_index (selected) + step : 0;
  next = find_match (self, from, step);
  if (next != NULL)
    select_row (self, next);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
  return GDK_EVENT_STOP;
}

static void
on_list_row_activated_cb (GkItemChooser *self,
                          GtkListBoxRow *row)
{
  gtk_list_box_select_row (self->list, row);
  create_selected (self);
}

static void
on_list_row_selected_cb (GkItemChooser *self)
{
  /* Also emitted while the list goes with the dialog. */
  if (self->list != NULL)
    update_create_action (self);
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  create_selected (GK_ITEM_CHOOSER (widget));
}

static GtkWidget *
create_row (GkItem *item,
            const char   *domain_name)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *group = g_strdup_printf (_("%s · %s"), domain_name, gk_item_get_level1 (item));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gk_item_get_level2 (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gk_item_get_contents (item));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, gk_item_get_contents (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gk_item_get_level2 (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, group,
                                  -1);
  return row;
}

static void
append_item (GkItemChooser *self,
             GkItem        *item,
             const char    *domain_name)
{
  g_autofree char *text = g_strjoin (" ", gk_item_get_key (item), domain_name, gk_item_get_level1 (item), gk_item_get_level2 (item), NULL);
  GkChooserEntry entry = {
    .key = g_strdup (gk_item_get_key (item)),
    .domain = g_strdup (gk_item_get_domain (item)),
    .domain_name = g_strdup (domain_name),
    .level1 = g_strdup (gk_item_get_level1 (item)),
    .haystack = fold (text),
    .matches = TRUE,
  };

  g_array_append_val (self->entries, entry);
  gtk_list_box_append (self->list, create_row (item, domain_name));
}

/* The items of @domain, each 一级事项 together where it first appears. */
static gboolean
append_domain (GkItemChooser  *self,
               const char     *domain,
               GError        **error)
{
  g_autoptr(GPtrArray) items = gk_store_list_items (self->store, domain, FALSE, error);
  g_autofree char *domain_name = NULL;
  g_autofree gboolean *placed = NULL;

  if (items == NULL)
    return FALSE;

  domain_name = gk_store_dup_domain_name (self->store, domain, NULL);
  placed = g_new0 (gboolean, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      GkItem *first = g_ptr_array_index (items, i);

      for (guint j = i; j < items->len && !placed[i]; j++)
        {
          GkItem *item = g_ptr_array_index (items, j);

          if (placed[j] || g_strcmp0 (gk_item_get_level1 (item), gk_item_get_level1 (first)) != 0)
            continue;
          append_item (self, item, domain_name != NULL ? domain_name : domain);
          placed[j] = TRUE;
        }
    }
  return TRUE;
}

static void
fill (GkItemChooser *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) domains = gk_store_list_domains (self->store, &error);

  if (domains != NULL && self->domain != NULL)
    append_domain (self, self->domain, &error);
  for (guint i = 0; domains != NULL && i < domains->len && error == NULL; i++)
    if (g_strcmp0 (g_ptr_array_index (domains, i), self->domain) != 0)
      append_domain (self, g_ptr_array_index (domains, i), &error);

  if (error != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("The Catalog Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "no-results");
      return;
    }

  apply_search (self);
}

static void
gk_item_chooser_constructed (GObject *object)
{
  GkItemChooser *self = GK_ITEM_CHOOSER (object);

  G_OBJECT_CLASS (gk_item_chooser_parent_class)->constructed (object);

  if (self->store != NULL)
    fill (self);
}

static void
gk_item_chooser_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GkItemChooser *self = GK_ITEM_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_item_chooser_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GkItemChooser *self = GK_ITEM_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DOMAIN:
      self->domain = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_item_chooser_dispose (GObject *object)
{
  GkItemChooser *self = GK_ITEM_CHOOSER (object);

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_ITEM_CHOOSER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gk_item_chooser_parent_class)->dispose (object);
}

static void
gk_item_chooser_finalize (GObject *object)
{
  GkItemChooser *self = GK_ITEM_CHOOSER (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->searched, g_free);
  g_clear_pointer (&self->initial_key, g_free);

  G_OBJECT_CLASS (gk_item_chooser_parent_class)->finalize (object);
}

static void
gk_item_chooser_class_init (GkItemChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gk_item_chooser_constructed;
  object_class->dispose = gk_item_chooser_dispose;
  object_class->finalize = gk_item_chooser_finalize;
  object_class->get_property = gk_item_chooser_get_property;
  object_class->set_property = gk_item_chooser_set_property;

  /* The ledger whose catalog is listed. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The domain whose items come first; NULL lists every domain in catalog order. */
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/window/gk-item-chooser.ui");
  /* A screen reader announces it as the dialog it is. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, GkItemChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkItemChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, GkItemChooser, scrolled);
  gtk_widget_class_bind_template_child (widget_class, GkItemChooser, list);
  gtk_widget_class_bind_template_child (widget_class, GkItemChooser, empty_page);

  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "chooser.create", NULL, create_activated);

  /* Escape cancels wherever the focus is; in the search entry, through stop-search. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_item_chooser_init (GkItemChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_array_new (FALSE, TRUE, sizeof (GkChooserEntry));
  g_array_set_clear_func (self->entries, clear_entry);
  gtk_list_box_set_filter_func (self->list, filter_row_cb, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header_cb, self, NULL);
  /* Typing while a row has the focus goes on searching. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_create_action (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
}

GkItemChooser *
gk_item_chooser_new (GtkWindow  *parent,
                     GkStore    *store,
                     const char *domain)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GK_IS_STORE (store), NULL);

  return g_object_new (GK_TYPE_ITEM_CHOOSER,
                       "transient-for", parent,
                       "store", store,
                       "domain", domain,
                       NULL);
}

void
gk_item_chooser_select (GkItemChooser *self,
                        const char    *key)
{
  int index;

  g_return_if_fail (GK_IS_ITEM_CHOOSER (self));

  g_free (self->initial_key);
  self->initial_key = g_strdup (key);
  index = find_key (self, key);
  if (index >= 0 && g_array_index (self->entries, GkChooserEntry, index).matches)
    select_row (self, gtk_list_box_get_row_at_index (self->list, index));
}

const char *
gk_item_chooser_get_selected_key (GkItemChooser *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GK_IS_ITEM_CHOOSER (self), NULL);

  row = get_selected_row (self);
  return row != NULL ? get_entry (self, row)->key : NULL;
}

guint
gk_item_chooser_get_n_matches (GkItemChooser *self)
{
  g_return_val_if_fail (GK_IS_ITEM_CHOOSER (self), 0);

  return self->n_matches;
}
