// ThiDuaStore
