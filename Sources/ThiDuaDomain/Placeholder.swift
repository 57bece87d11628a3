// ThiDuaDomain
