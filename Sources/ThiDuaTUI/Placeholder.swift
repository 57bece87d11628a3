// ThiDuaTUI
