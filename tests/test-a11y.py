#!/usr/bin/python3
"""test-a11y.py: a clerk's errand driven through the accessibility tree, as a screen reader sees the window.

Creates a record of a chosen item through the item chooser, fills its title
and a field, publishes it and finds it again by its index number; checks on
the way that every button has a name and every input a label. Runs the
built gongkai against a new ledger; the caller provides the display, a
private D-Bus session and the AT-SPI bus (test-a11y.sh).
"""
import os
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402
import pyatspi  # noqa: E402

# Generous: it only bounds a failure. Every wait is for a condition.
LIMIT = 60.0


app_process = None


def wait_for(what, predicate):
    end = time.monotonic() + LIMIT
    while time.monotonic() < end:
        if app_process is not None and app_process.poll() is not None:
            raise AssertionError('gongkai exited (%d) while waiting for %s' % (app_process.returncode, what))
        try:
            value = predicate()
        except Exception:  # the tree changes under us while the app works
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError('timed out waiting for ' + what)


def walk(node):
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        if child is not None:
            yield from walk(child)


def find(root, role, name=None, contains=None):
    for node in walk(root):
        try:
            if node.getRoleName() != role:
                continue
            if name is not None and node.name != name:
                continue
            if contains is not None and contains not in node.name:
                continue
            return node
        except Exception:
            continue
    return None


def press(button):
    action = button.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'activate', 'press'):
            action.doAction(i)
            return
    action.doAction(0)


def type_text(text):
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)


KEYSYMS = {'Return': 0xff0d, 'a': 0x61}
CONTROL_MASK = 1 << 2  # X11's ControlMask


def key(name, control=False):
    if control:
        Atspi.generate_keyboard_event(CONTROL_MASK, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(KEYSYMS[name], None, Atspi.KeySynthType.SYM)
    if control:
        Atspi.generate_keyboard_event(CONTROL_MASK, None, Atspi.KeySynthType.UNLOCKMODIFIERS)


def replace_text(field, text):
    """What a clerk does: click into the field, select all, type."""
    click(field)
    key('a', control=True)
    type_text(text)
    wait_for('“%s” typed' % text, lambda: text_of(field) == text)


def text_of(node):
    text = node.queryText()
    # GTK 4.8: -1 as the end gives "".
    return text.getText(0, text.characterCount)


def click(node):
    """A mouse click in the middle of @node. GTK 4.8 refuses grabFocus and
    knows no screen coordinates; on a display without a window manager the
    window is at 0,0, so its own coordinates are the screen's."""
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, 'b1c')


def scroll_into_view(window, node):
    """Turns the mouse wheel over @node until all of it is in the window."""
    height = window.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height

    def in_view():
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if ext.y >= 0 and ext.y + ext.height <= height:
            return True
        x = ext.x + ext.width // 2
        Atspi.generate_mouse_event(x, height // 2, 'b5c' if ext.y > 0 else 'b4c')
        return False

    wait_for('%s in view' % node.name, in_view)
    return node


def main():
    global app_process
    build = os.environ['GK_BUILD_ROOT']
    tmp = tempfile.mkdtemp(prefix='gongkai-a11y-')
    env = dict(os.environ)
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    if os.environ.get('GK_APP_G_DEBUG'):
        env['G_DEBUG'] = os.environ['GK_APP_G_DEBUG']
    ledger = os.path.join(tmp, 'ledger.db')
    # Set up as a clerk's ledger is before its first record: its organisation and code.
    subprocess.run([os.environ['GK_CLI'], '--db', ledger, 'setup', '--name', '石家庄市长安区人民政府',
                    '--code', '11130102000014349N'], check=True, stdout=subprocess.DEVNULL)
    app_process = subprocess.Popen([os.path.join(build, 'src', 'gongkai'), '--db', ledger],
                                   env=env)
    try:
        run()
    finally:
        app_process.terminate()
        app_process.wait(timeout=LIMIT)


def run():
    desktop = pyatspi.Registry.getDesktop(0)
    app = wait_for('the application on the bus',
                   lambda: next((a for a in desktop if a is not None and a.name == 'gongkai'), None))
    window = wait_for('the main window', lambda: find(app, 'frame'))
    new_record = wait_for('New Record', lambda: find(window, 'push button', 'New Record'))
    press(new_record)
    chooser = wait_for('the item chooser', lambda: next((f for f in app if f is not None and f.name == 'New Record'), None))
    search = find(chooser, 'entry', 'Search catalog items')
    assert search.getState().contains(pyatspi.STATE_FOCUSED), 'the chooser opens with the focus in its search'
    type_text('housing-construction.progress')
    # The first match is chosen as the clerk types: Enter creates the record.
    items = find(chooser, 'list', 'Catalog items')
    wait_for('the item chosen', lambda: find(items, 'list item', contains='建设计划完成情况')
             .getState().contains(pyatspi.STATE_SELECTED))
    key('Return')
    wait_for('the chooser closed', lambda: all(f is None or f.name != 'New Record' for f in app))

    # The editor of the new record, its title first.
    title = wait_for('the title field', lambda: find(window, 'text', 'Title *'))
    replace_text(title, 'A11y errand')
    replace_text(scroll_into_view(window, find(window, 'text', '统计截止日期 *')), '2026-11-30')

    press(find(window, 'push button', 'Publish…'))
    dialog = wait_for('the publish dialog', lambda: next((f for f in app if f is not None and f is not window and f.getRoleName() in ('dialog', 'frame', 'alert')), None))
    publish = find(dialog, 'push button', contains='Publish')
    press(publish)
    wait_for('the publish dialog closed', lambda: all(f is None or f.getRoleName() != 'dialog' for f in app))

    # Published: the record's list row says so, and its index number is given.
    records = find(window, 'list', 'Records')
    row_name = wait_for('the published row', lambda: find(records, 'list item', contains='A11y errand, Published').name)
    index_row = find(window, 'list item', 'Index Number')
    index_no = wait_for('the index number', lambda: next((n.name for n in walk(index_row)
                                                         if n.getRoleName() == 'label' and n.name != 'Index Number'
                                                         and any(c.isdigit() for c in n.name)), None))
    print('published:', row_name, index_no)

    # Found again by its index number, through the search.
    press(find(window, 'push button', 'Search'))
    entry = find(window, 'entry', 'Search records')
    search_for(window, entry, 'no such record')
    wait_for('nothing found', lambda: find(window, 'label', 'No Results Found')
             .getState().contains(pyatspi.STATE_VISIBLE) and not visible_rows(records))
    search_for(window, entry, index_no)
    wait_for('the record found', lambda: visible_rows(records) == [row_name])

    check_names(app)
    check_said_once(window)

    print('ok: created, filled, published and found again through the accessibility tree')


def visible_rows(records):
    return [n.name for n in walk(records) if n.getRoleName() == 'list item' and n.name]


def search_for(window, entry, text):
    click(entry)
    key('a', control=True)
    type_text(text)
    wait_for('“%s” in the search' % text, lambda: text_of(entry) == text)


# Roles whose widgets a screen reader user must be told the name of.
NAMED_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'text', 'entry',
               'password text', 'spin button', 'slider', 'switch', 'menu item', 'check menu item'}


def said_twice(name):
    """"区财政局 区财政局", "_Add Add": a name that repeats itself."""
    words = name.split()
    if len(words) >= 2 and len(words) % 2 == 0:
        half = len(words) // 2
        if words[:half] == words[half:] or words[:half] == ['_' + w if i == 0 else w for i, w in enumerate(words[half:])]:
            return True
    return any('_' in w and w.replace('_', '') in words for w in words)


def check_said_once(root):
    """No widget's name says the same words twice, as GTK 4.8 does for a
    row named after its title and its switch, or a button with a mnemonic."""
    doubled = []
    for node in walk(root):
        try:
            name = node.name
            role = node.getRoleName()
        except Exception:
            continue
        if name and said_twice(name):
            doubled.append('%s %r' % (role, name))
    assert not doubled, 'said twice:\n' + '\n'.join(doubled)


def check_names(app):
    """Every button has a name and every input a label, not a class name."""
    missing = []
    for node in walk(app):
        try:
            role = node.getRoleName()
            name = node.name
        except Exception:
            continue
        if role not in NAMED_ROLES:
            continue
        # libadwaita 1.2 draws a toast's close button itself, with no name:
        # not ours to label.
        try:
            if node.parent is not None and node.parent.name == 'AdwToastWidget':
                continue
        except Exception:
            pass
        if not name.strip() or name.startswith('Gtk') or name.startswith('Adw') or name.startswith('Gk'):
            parent = node.parent
            missing.append('%s %r in %s %r' % (role, name, parent.getRoleName(), parent.name))
    assert not missing, 'unnamed:\n' + '\n'.join(missing)


if __name__ == '__main__':
    main()
