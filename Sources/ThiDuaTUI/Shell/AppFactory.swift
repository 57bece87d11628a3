/// Builds the program's app over a data backend: the home screen and every screen's
/// commands in one registry.
extension ThiDuaApp {
    public static var allCommands: [Command] {
        HomeScreen.commands + UnitListScreen.commands + UnitFormScreen.commands + PersonListScreen.commands
            + PersonFormScreen.commands + ImportScreen.commands + HistoryScreen.commands + ChangeDetailScreen.commands
            + SettingsScreen.commands
            + ChecklistScreen.commands + ChecklistItemFormScreen.commands + EvidenceListScreen.commands
            + EvidenceFormScreen.commands + PromptScreen.commands + ScoreGridScreen.commands
            + CriteriaSetScreen.commands + CriteriaItemFormScreen.commands + CriteriaAssignmentScreen.commands
            + ReportsScreen.commands + ReportFormScreen.commands
            + NominationsScreen.commands + NomineePickerScreen.commands + NominationFormScreen.commands
            + SuggestionsScreen.commands + VoteFormScreen.commands + DecisionFormScreen.commands + CertificatePrintScreen.commands
            + CertificateTextScreen.commands
            + AwardHistoryScreen.commands + AwardFormScreen.commands + RulesScreen.commands + RuleFormScreen.commands
            + LegalBasesScreen.commands + CouncilScreen.commands + CommuneReportScreen.commands + CommuneDispatchScreen.commands
            + RewardMoneyScreen.commands + CertificateLayoutScreen.commands + CertificateFieldScreen.commands
            + PrinterOffsetsScreen.commands
            + DocumentsScreen.allScreenCommands
    }

    public convenience init(session: Session) {
        self.init(session: session, home: HomeScreen(), commands: ThiDuaApp.allCommands)
    }
}
