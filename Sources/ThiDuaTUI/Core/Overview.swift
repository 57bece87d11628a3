// ThiDuaTUI — the pure, screen-independent core of the front end.
//
// Nothing here touches a terminal: screens are values that turn keys into
// state changes and draw themselves into a `Buffer`. ThiDuaCurses copies
// buffers to ncurses and turns `get_wch` into `Key`s; tests do the same with
// key scripts and golden files. The shape is ratatui's / Bubble Tea's.
//
// Building a screen:
//
// 1. A screen is a class conforming to `Screen` (Shell/Screen.swift) that holds
//    widgets (`Form`, `Table`, `ListView`, `Pager`, `Dialog`…) and the domain
//    data it shows. It returns `ScreenAction<Message>`s, where `Message` is its
//    own enum of results; `ThiDuaApp` (the `TerminalApp`) owns the stack of
//    screens and any modal on top, turns what needs the data folder into
//    `Effect`s, and hands each result back to the screen that asked as one of
//    its messages (`Screen.update`): a commit's outcome, a dialog's answer, a
//    file read, what a form opened with `present` saved.
//
// 2. Key dispatch order, per key:
//    a. `Key.resize(size)`: remember the size; nothing else (a render
//       follows every key anyway).
//    b. A modal (`Dialog`, help `Pager`) gets the key first and only.
//    c. A focused text-like field gets printable keys and Backspace/Delete
//       first, so "q", "?" or "/" can be typed into a name.
//    d. Otherwise `CommandRegistry.resolve(key, in: screenContext)` finds the
//       command (context first, then global); run it.
//    e. Otherwise pass the key to the focused widget; its event (`FieldEvent`,
//       `Form.Event`, `ListEvent`) says what happened. A screen takes no key
//       here but the movement keys (`AppCommands.movementKeys`) and text:
//       anything else is a command, so it is in the help.
//    Esc backs out one level and never quits; destructive commands open
//    `Dialog.confirm`, which starts on "Không".
//
// 3. Render: `TooSmallScreen.render(size:)` below `Size.minimum` (80×24);
//    otherwise lay out with `Rect` (splitTop/splitBottom/row), give each
//    widget its rect, then `StatusLine` and `FKeyBar(registry.fKeyBar(in:))`
//    on the last two rows. Widgets clip by display width and never wrap.
//    Row widgets keep their selection visible with the rect they are given;
//    for PgUp/PgDn to move by a real page, tell them the height in the
//    screen's `layout(_:session:)` (`Table.setViewport(height:)`,
//    `Pager.setViewportRows(_:)`), which the app calls before every draw;
//    `render` itself changes nothing. Compute a screen's regions in one
//    private function that both use.
//
// 4. Text rules: store and compare NFC (`TextField.value` is NFC); measure
//    with `DisplayWidth` / `String.displayWidth`, never `count`; search with
//    the accent-insensitive fold (`CommandRegistry.search`, `Pager`).
//
// 5. Tests: drive `update` with `Key.script("F2 Down \"Nguyễn\" Enter")`,
//    render at 80×24 and 100×30, and compare with a golden file
//    (`assertGolden` in ThiDuaTUITests; `UPDATE_GOLDENS=1` rewrites them).
//    Selection and focus must show in the style mask, not only in colour.
