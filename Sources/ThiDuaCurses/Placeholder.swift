// ThiDuaCurses
