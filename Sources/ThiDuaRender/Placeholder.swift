// ThiDuaRender
