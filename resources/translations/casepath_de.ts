<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Casepath</source>
        <translation>Über Casepath</translation>
    </message>
    <message>
        <source>Confidential performance-escalation cases, offline, in an encrypted vault.</source>
        <translation>Vertrauliche Fälle zur Leistungseskalation – offline, in einem verschlüsselten Tresor.</translation>
    </message>
</context>
<context>
    <name>AdvanceStageDialog</name>
    <message>
        <source>The move to %1 is allowed.</source>
        <translation>Der Wechsel zu „%1“ ist zulässig.</translation>
    </message>
    <message>
        <source>The case cannot move to %1 yet.</source>
        <translation>Der Fall kann noch nicht zu „%1“ wechseln.</translation>
    </message>
    <message>
        <source>Already satisfied:</source>
        <translation>Bereits erfüllt:</translation>
    </message>
    <message>
        <source>Still missing:</source>
        <translation>Noch offen:</translation>
    </message>
    <message>
        <source>This move must be approved by the %1 and reviewed by the %2.</source>
        <translation>Dieser Wechsel muss genehmigt werden von: %1, und geprüft werden von: %2.</translation>
    </message>
    <message>
        <source>This move must be approved by the %1.</source>
        <translation>Dieser Wechsel muss genehmigt werden von: %1.</translation>
    </message>
    <message>
        <source>This move must be reviewed by the %2.</source>
        <translation>Dieser Wechsel muss geprüft werden von: %2.</translation>
    </message>
    <message>
        <source>No approval is needed for this move.</source>
        <translation>Für diesen Wechsel ist keine Genehmigung nötig.</translation>
    </message>
    <message>
        <source>Recorded sign-offs:</source>
        <translation>Erfasste Freigaben:</translation>
    </message>
    <message>
        <source>Skips: %1</source>
        <translation>Überspringt: %1</translation>
    </message>
    <message>
        <source>Advance stage — %1</source>
        <translation>Phase wechseln – %1</translation>
    </message>
    <message>
        <source>Now at %1 since %2.</source>
        <translation>Derzeit in %1 seit %2.</translation>
    </message>
    <message>
        <source>Why the case moves now (required): the evidence and what was agreed.</source>
        <translation>Warum der Fall jetzt wechselt (Pflichtangabe): die Belege und was vereinbart wurde.</translation>
    </message>
    <message>
        <source>What the move needs</source>
        <translation>Was der Wechsel braucht</translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation>Wechseln zu:</translation>
    </message>
    <message>
        <source>Moved by:</source>
        <translation>Gewechselt von:</translation>
    </message>
    <message>
        <source>In the role of:</source>
        <translation>In der Rolle:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>Name of who signed off</source>
        <translation>Name der Person, die freigegeben hat</translation>
    </message>
    <message>
        <source>Optional: where the sign-off is documented</source>
        <translation>Optional: wo die Freigabe dokumentiert ist</translation>
    </message>
    <message>
        <source>Record approval</source>
        <translation>Freigabe erfassen</translation>
    </message>
    <message>
        <source>Record a sign-off given for this move</source>
        <translation>Eine Freigabe für diesen Wechsel erfassen</translation>
    </message>
    <message>
        <source>Approver:</source>
        <translation>Genehmigt von:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Advance</source>
        <translation>Wechseln</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the policy requires&lt;/b&gt;</source>
        <translation>&lt;b&gt;Was die Richtlinie verlangt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>closed (%1)</source>
        <translation>abgeschlossen (%1)</translation>
    </message>
    <message>
        <source>%1 (forward)</source>
        <translation>%1 (vorwärts)</translation>
    </message>
    <message>
        <source>%1 (back)</source>
        <translation>%1 (zurück)</translation>
    </message>
    <message>
        <source>Close the case: %1</source>
        <translation>Fall abschließen: %1</translation>
    </message>
    <message>
        <source>The policy does not allow this move yet; see what is missing.</source>
        <translation>Die Richtlinie erlaubt diesen Wechsel noch nicht; sehen Sie nach, was fehlt.</translation>
    </message>
    <message>
        <source>Give the name of who moves the case.</source>
        <translation>Geben Sie an, wer den Fall wechseln lässt.</translation>
    </message>
    <message>
        <source>Write the reason for the move.</source>
        <translation>Schreiben Sie die Begründung für den Wechsel.</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Overdue: outcome not recorded</source>
        <translation>Überfällig: Ergebnis nicht erfasst</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Anstehend</translation>
    </message>
    <message>
        <source>Micro-goal: %1</source>
        <translation>Teilziel: %1</translation>
    </message>
</context>
<context>
    <name>AgendaWindow</name>
    <message>
        <source>Agenda — Casepath</source>
        <translation>Agenda – Casepath</translation>
    </message>
    <message>
        <source>Reviews and check-ins</source>
        <translation>Überprüfungen und Zwischengespräche</translation>
    </message>
    <message>
        <source>How many days ahead</source>
        <translation>Wie viele Tage voraus</translation>
    </message>
    <message>
        <source> days ahead</source>
        <translation> Tage voraus</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export reviews to calendar…</source>
        <translation>Überprüfungen in den Kalender exportieren…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n items, %1 overdue.</source>
        <translation>
            <numerusform>%n Eintrag, %1 überfällig.</numerusform>
            <numerusform>%n Einträge, %1 überfällig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing due in this period.</source>
        <translation>In diesem Zeitraum ist nichts fällig.</translation>
    </message>
</context>
<context>
    <name>AgreementBox</name>
    <message>
        <source>Agreement with the employee</source>
        <translation>Vereinbarung mit der mitarbeitenden Person</translation>
    </message>
    <message>
        <source>&amp;Walked through with the employee</source>
        <translation>Mit der mitarbeitenden Person &amp;durchgesprochen</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Zugestimmt</translation>
    </message>
    <message>
        <source>Did not agree</source>
        <translation>Nicht zugestimmt</translation>
    </message>
    <message>
        <source>The employee&apos;s comment (required if they disagree)</source>
        <translation>Kommentar der mitarbeitenden Person (Pflichtangabe bei Ablehnung)</translation>
    </message>
    <message>
        <source>Why the plan changes</source>
        <translation>Warum sich der Plan ändert</translation>
    </message>
    <message>
        <source>Reason for the revision:</source>
        <translation>Grund der Überarbeitung:</translation>
    </message>
    <message>
        <source>Walked through the revision (a new agreement date)</source>
        <translation>Überarbeitung durchgesprochen (neues Vereinbarungsdatum)</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>Am:</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Mitarbeitende Person:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
</context>
<context>
    <name>ApprovalFields</name>
    <message>
        <source>Your role</source>
        <translation>Ihre Rolle</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Genehmigt von</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
    <message>
        <source>Approver&apos;s role</source>
        <translation>Rolle der genehmigenden Person</translation>
    </message>
    <message>
        <source>Your &amp;role:</source>
        <translation>Ihre &amp;Rolle:</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>&amp;Approved by:</source>
        <translation>&amp;Genehmigt von:</translation>
    </message>
    <message>
        <source>Approver&apos;s r&amp;ole:</source>
        <translation>R&amp;olle der genehmigenden Person:</translation>
    </message>
    <message>
        <source>Still missing: %1.</source>
        <translation>Noch offen: %1.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Attach evidence files</source>
        <translation>Belegdateien anhängen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation>Anhang speichern unter</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Datei anhängen…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Files — choose a record above to see or attach its files</source>
        <translation>Dateien – wählen Sie oben einen Eintrag, um seine Dateien zu sehen oder anzuhängen</translation>
    </message>
    <message>
        <source>Files attached to this conversation (%1)</source>
        <translation>Dateien zu diesem Gespräch (%1)</translation>
    </message>
    <message>
        <source>Files attached to this indicator (%1)</source>
        <translation>Dateien zu diesem Indikator (%1)</translation>
    </message>
    <message>
        <source>Files attached to this observation (%1)</source>
        <translation>Dateien zu dieser Beobachtung (%1)</translation>
    </message>
    <message>
        <source>The file was not attached</source>
        <translation>Die Datei wurde nicht angehängt</translation>
    </message>
    <message>
        <source>The file cannot be opened</source>
        <translation>Die Datei lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>No viewer</source>
        <translation>Kein Anzeigeprogramm</translation>
    </message>
    <message>
        <source>No program is set up to open %1 files. Use &apos;Save as…&apos; and open the copy yourself.</source>
        <translation>Für %1-Dateien ist kein Programm eingerichtet. Wählen Sie „Speichern unter…“ und öffnen Sie die Kopie selbst.</translation>
    </message>
    <message>
        <source>The file was not saved</source>
        <translation>Die Datei wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Datei entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the case? The audit log keeps a record that it was attached and removed.</source>
        <translation>%1 aus dem Fall entfernen? Das Prüfprotokoll hält fest, dass die Datei angehängt und entfernt wurde.</translation>
    </message>
    <message>
        <source>The file was not removed</source>
        <translation>Die Datei wurde nicht entfernt</translation>
    </message>
</context>
<context>
    <name>AttentionListModel</name>
    <message>
        <source>Press Enter or double-click to open the case</source>
        <translation>Eingabetaste oder Doppelklick öffnet den Fall</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Needs attention today</source>
        <translation>Heute zu beachten</translation>
    </message>
    <message>
        <source>%1 — first %2</source>
        <translation>%1 – die ersten %2</translation>
    </message>
    <message>
        <source>Nothing here today.</source>
        <translation>Heute nichts.</translation>
    </message>
</context>
<context>
    <name>AuditEventModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>HR-Fachkraft</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <source>Audit trail — Casepath</source>
        <translation>Prüfprotokoll – Casepath</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Protokollierte Ereignisse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Any case (type its reference)</source>
        <translation>Jeder Fall (Aktenzeichen eingeben)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>HR-Fachkraft</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>The chosen event</source>
        <translation>Das gewählte Ereignis</translation>
    </message>
    <message>
        <source>Each event names who did what to which record, and when; it never holds what was written. The hashes tie each event to the record and to the event before.</source>
        <translation>Jedes Ereignis nennt, wer was mit welchem Eintrag wann getan hat; es enthält nie, was geschrieben wurde. Die Prüfsummen verbinden jedes Ereignis mit dem Eintrag und dem vorigen Ereignis.</translation>
    </message>
    <message>
        <source>Any officer</source>
        <translation>Jede HR-Fachkraft</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Jede Aktion</translation>
    </message>
    <message>
        <source>No event matches these filters.</source>
        <translation>Kein Ereignis passt zu diesen Filtern.</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Event {0}, {1}</source>
        <translation>Ereignis {0}, {1}</translation>
    </message>
    <message>
        <source>Officer: {0}</source>
        <translation>HR-Fachkraft: {0}</translation>
    </message>
    <message>
        <source>What: {0}</source>
        <translation>Was: {0}</translation>
    </message>
    <message>
        <source>Record: {0}</source>
        <translation>Eintrag: {0}</translation>
    </message>
    <message>
        <source>Case: {0}</source>
        <translation>Fall: {0}</translation>
    </message>
    <message>
        <source>Record hash when written: {0}</source>
        <translation>Prüfsumme des Eintrags beim Schreiben: {0}</translation>
    </message>
    <message>
        <source>Event hash: {0}</source>
        <translation>Prüfsumme des Ereignisses: {0}</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>{0} written to {1}.</source>
        <translation>{0} geschrieben nach {1}.</translation>
    </message>
    <message>
        <source>A&amp;udit trail</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>No verified backup yet (File → Back up now)</source>
        <translation>Noch keine geprüfte Sicherung (Datei → Jetzt sichern)</translation>
    </message>
    <message>
        <source>Last verified backup: {0}</source>
        <translation>Letzte geprüfte Sicherung: {0}</translation>
    </message>
    <message>
        <source>Damaged vault, open read-only: {0}. Restore it from a backup.</source>
        <translation>Beschädigter Tresor, schreibgeschützt geöffnet: {0}. Stellen Sie ihn aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation>Ordner für automatische Sicherungen</translation>
    </message>
    <message>
        <source>Backing up and checking the copy…</source>
        <translation>Sichern und Kopie prüfen…</translation>
    </message>
    <message>
        <source>Verified backup written: {0}</source>
        <translation>Geprüfte Sicherung geschrieben: {0}</translation>
    </message>
    <message>
        <source>(audit chain to event {0}, {1})</source>
        <translation>(Prüfkette bis Ereignis {0}, {1})</translation>
    </message>
    <message>
        <source>The backup failed ({0}); nothing was written.</source>
        <translation>Die Sicherung ist fehlgeschlagen ({0}); es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source> The vault that was there is kept as {0}.</source>
        <translation> Der bisherige Tresor an dieser Stelle bleibt als {0} erhalten.</translation>
    </message>
    <message>
        <source> Casepath locks now: unlock the restored vault with its passphrase.</source>
        <translation> Casepath sperrt jetzt: Entsperren Sie den wiederhergestellten Tresor mit seiner Passphrase.</translation>
    </message>
    <message>
        <source>Restored {0}.</source>
        <translation>{0} wiederhergestellt.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Jetzt sichern</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Backup &amp;folder…</source>
        <translation>Sicherungs&amp;ordner…</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Export to calendar</source>
        <translation>In den Kalender exportieren</translation>
    </message>
    <message>
        <source>Calendar entries are titled &apos;Formal review – C-…&apos; and carry no names or case content, because calendars are shared and synced.</source>
        <translation>Kalendereinträge heißen „Förmliche Überprüfung – C-…“ und enthalten weder Namen noch Inhalte des Falls, denn Kalender werden geteilt und synchronisiert.</translation>
    </message>
    <message>
        <source>Include the employee&apos;s name, participants and the agenda</source>
        <translation>Name der mitarbeitenden Person, Teilnehmende und Agenda aufnehmen</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>Calendar not exported</source>
        <translation>Kalender nicht exportiert</translation>
    </message>
</context>
<context>
    <name>CalibrationWindow</name>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Führungskraft</translation>
    </message>
    <message>
        <source>department (optional)</source>
        <translation>Abteilung (optional)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <source>Pilot</source>
        <translation>Pilotgruppe</translation>
    </message>
    <message>
        <source>Pilot since</source>
        <translation>Pilot seit</translation>
    </message>
    <message>
        <source>Show figures</source>
        <translation>Zahlen anzeigen</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Als JSON exportieren…</translation>
    </message>
    <message>
        <source>Outcome rates chart</source>
        <translation>Diagramm der Ergebnisquoten</translation>
    </message>
    <message>
        <source>Time in stage chart</source>
        <translation>Diagramm der Verweildauer in den Phasen</translation>
    </message>
    <message>
        <source>Where practice drifts</source>
        <translation>Wo die Praxis abweicht</translation>
    </message>
    <message>
        <source>Formal escalations per 100 employees</source>
        <translation>Förmliche Eskalationen je 100 Mitarbeitende</translation>
    </message>
    <message>
        <source>Time in stage, 90th percentile (days)</source>
        <translation>Verweildauer in der Phase, 90. Perzentil (Tage)</translation>
    </message>
    <message>
        <source>%1: %2 vs %3</source>
        <translation>%1: %2 gegenüber %3</translation>
    </message>
    <message>
        <source>No group differs by more than the policy factor.</source>
        <translation>Keine Gruppe weicht um mehr als den Faktor der Richtlinie ab.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Ca&amp;libration</source>
        <translation>Ka&amp;librierung</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Open cases</source>
        <translation>Offene Fälle</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>Abgeschlossene Fälle</translation>
    </message>
    <message>
        <source>Open and closed</source>
        <translation>Offene und abgeschlossene</translation>
    </message>
    <message>
        <source>Search names, references, conversations and notes (Ctrl+F)</source>
        <translation>Namen, Aktenzeichen, Gespräche und Notizen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Fälle durchsuchen</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Suchen in</translation>
    </message>
    <message>
        <source>Search everything in a case, or only employees&apos; names and numbers</source>
        <translation>Alles in einem Fall durchsuchen oder nur Namen und Personalnummern der Mitarbeitenden</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Alle Abteilungen</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alle Phasen</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Verfahrensweg</translation>
    </message>
    <message>
        <source>Both tracks</source>
        <translation>Beide Verfahrenswege</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Any flag</source>
        <translation>Alle Hinweise</translation>
    </message>
    <message>
        <source>Open or closed</source>
        <translation>Offen oder abgeschlossen</translation>
    </message>
    <message>
        <source>Flags need the escalation policy</source>
        <translation>Hinweise brauchen die Eskalationsrichtlinie</translation>
    </message>
    <message>
        <source>Filte&amp;r:</source>
        <translation>Filte&amp;r:</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Verfahrensweg</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Nächste Frist</translation>
    </message>
    <message>
        <source>manager %1</source>
        <translation>Führungskraft %1</translation>
    </message>
    <message>
        <source>employee no. %1</source>
        <translation>Personalnr. %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>No cases to show. Clear the search or choose other filters to see more, or &lt;a href=&apos;new-case&apos;&gt;start a new case&lt;/a&gt; (Ctrl+N).</source>
        <translation>Keine Fälle anzuzeigen. Leeren Sie die Suche oder wählen Sie andere Filter, um mehr zu sehen, oder &lt;a href=&apos;new-case&apos;&gt;eröffnen Sie einen neuen Fall&lt;/a&gt; (Strg+N).</translation>
    </message>
    <message>
        <source>C&amp;olumns</source>
        <translation>Spalt&amp;en</translation>
    </message>
</context>
<context>
    <name>CasePrivacyMenu</name>
    <message>
        <source>&amp;Records</source>
        <translation>Au&amp;fbewahrung</translation>
    </message>
    <message>
        <source>Place &amp;legal hold…</source>
        <translation>&amp;Rechtliche Sperre setzen…</translation>
    </message>
    <message>
        <source>&amp;Lift legal hold…</source>
        <translation>Rechtliche Sperre &amp;aufheben…</translation>
    </message>
    <message>
        <source>&amp;Erase case…</source>
        <translation>Fall &amp;löschen…</translation>
    </message>
    <message>
        <source>Lift the legal hold first.</source>
        <translation>Heben Sie zuerst die rechtliche Sperre auf.</translation>
    </message>
    <message>
        <source>Kept: this case is under %1.</source>
        <translation>Aufbewahrt: Für diesen Fall gilt %1.</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>Select a line above to see it in full.</source>
        <translation>Wählen Sie oben eine Zeile, um sie vollständig zu sehen.</translation>
    </message>
    <message>
        <source>The selected line in full</source>
        <translation>Die gewählte Zeile vollständig</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Where the search text was found in each case</source>
        <translation>Wo der Suchtext in jedem Fall gefunden wurde</translation>
    </message>
    <message>
        <source>Filter by flag with the filter bar</source>
        <translation>Nach Hinweisen filtern Sie in der Filterleiste</translation>
    </message>
    <message>
        <source>Matched in: %1</source>
        <translation>Gefunden in: %1</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeitende Person</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Verfahrensweg</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Nächste Frist</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Matched in</source>
        <translation>Gefunden in</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Change &amp;track…</source>
        <translation>&amp;Verfahrensweg ändern…</translation>
    </message>
    <message>
        <source>Status &amp;update…</source>
        <translation>Status&amp;meldung…</translation>
    </message>
    <message>
        <source>A short neutral status for the manager or sponsor, to copy or print</source>
        <translation>Ein kurzer, neutraler Stand für Führungskraft oder Auftraggeber, zum Kopieren oder Drucken</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>Verla&amp;uf der Änderungen…</translation>
    </message>
    <message>
        <source>Every version of this case&apos;s records: who changed what, and when</source>
        <translation>Jede Fassung der Einträge dieses Falls: wer was wann geändert hat</translation>
    </message>
    <message>
        <source>Re&amp;open case…</source>
        <translation>Fall wieder &amp;eröffnen…</translation>
    </message>
    <message>
        <source>A closed case is read-only; reopening takes a reason and an approval</source>
        <translation>Ein abgeschlossener Fall ist schreibgeschützt; zum Wiedereröffnen braucht es eine Begründung und eine Genehmigung</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Änderungsverlauf…</translation>
    </message>
    <message>
        <source>Reopen case…</source>
        <translation>Fall wieder eröffnen…</translation>
    </message>
    <message>
        <source>&amp;Advance stage…</source>
        <translation>Phase &amp;wechseln…</translation>
    </message>
    <message>
        <source>Request e&amp;xception…</source>
        <translation>Ausnahme &amp;beantragen…</translation>
    </message>
    <message>
        <source>Cl&amp;ose case view</source>
        <translation>Fallansicht &amp;schließen</translation>
    </message>
    <message>
        <source>Ctrl+W in the main window</source>
        <translation>Strg+W im Hauptfenster</translation>
    </message>
    <message>
        <source>Locked. Unlock the vault to see this case.</source>
        <translation>Gesperrt. Entsperren Sie den Tresor, um diesen Fall zu sehen.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Indicators and observations</source>
        <translation>Indikatoren und Beobachtungen</translation>
    </message>
    <message>
        <source>Decisions and exceptions</source>
        <translation>Entscheidungen und Ausnahmen</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Überprüfungen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>The case was handed over.</source>
        <translation>Der Fall wurde übergeben.</translation>
    </message>
    <message>
        <source>The case is closed.</source>
        <translation>Der Fall ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
</context>
<context>
    <name>ConversationDialog</name>
    <message>
        <source>Correct conversation</source>
        <translation>Gespräch berichtigen</translation>
    </message>
    <message>
        <source>Record a conversation</source>
        <translation>Gespräch erfassen</translation>
    </message>
    <message>
        <source>Notes on the causes ticked above (required for &apos;Other&apos;).</source>
        <translation>Anmerkungen zu den oben angehakten Ursachen (Pflichtangabe bei „Sonstiges“).</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Zusammenfassung:</translation>
    </message>
    <message>
        <source>Micro-goals:</source>
        <translation>Teilziele:</translation>
    </message>
    <message>
        <source>Attendees:</source>
        <translation>Teilnehmende:</translation>
    </message>
    <message>
        <source>Constraints:</source>
        <translation>Einschränkungen:</translation>
    </message>
    <message>
        <source>Expectations:</source>
        <translation>Erwartungen:</translation>
    </message>
    <message>
        <source>Root causes:</source>
        <translation>Ursachen:</translation>
    </message>
    <message>
        <source>Cause notes:</source>
        <translation>Anmerkungen zu den Ursachen:</translation>
    </message>
    <message>
        <source>Agreed actions:</source>
        <translation>Vereinbarte Maßnahmen:</translation>
    </message>
    <message>
        <source>Prompts for this part of the conversation</source>
        <translation>Leitfragen für diesen Teil des Gesprächs</translation>
    </message>
</context>
<context>
    <name>ConversationsTab</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation>Ursachen</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>New conversation…</source>
        <translation>Neues Gespräch…</translation>
    </message>
    <message>
        <source>No conversation recorded yet.</source>
        <translation>Noch kein Gespräch erfasst.</translation>
    </message>
    <message>
        <source>Conversation prompts</source>
        <translation>Gesprächsleitfaden</translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <source>Where to keep the new vault file</source>
        <translation>Wo die neue Tresordatei liegen soll</translation>
    </message>
    <message>
        <source>New vault file</source>
        <translation>Neue Tresordatei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation>Die Feststelltaste ist aktiv.</translation>
    </message>
    <message>
        <source>Vault file</source>
        <translation>Tresordatei</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>Tresor anlegen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Nobody can recover a forgotten passphrase: keep it somewhere safe.</source>
        <translation>Eine vergessene Passphrase kann niemand wiederherstellen: Bewahren Sie sie sicher auf.</translation>
    </message>
    <message>
        <source>Choose where to keep the vault file.</source>
        <translation>Wählen Sie, wo die Tresordatei liegen soll.</translation>
    </message>
    <message>
        <source>That file already exists; Casepath never overwrites a file.</source>
        <translation>Diese Datei gibt es schon; Casepath überschreibt nie eine Datei.</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>Diesen Ordner gibt es nicht.</translation>
    </message>
    <message>
        <source>Enter your name: every change in the vault records who made it.</source>
        <translation>Geben Sie Ihren Namen ein: Jede Änderung im Tresor hält fest, wer sie vorgenommen hat.</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>faelle</translation>
    </message>
    <message>
        <source>Casepath vaults (%1)</source>
        <translation>Casepath-Tresore (%1)</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import employees from CSV</source>
        <translation>Mitarbeitende aus CSV importieren</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Keine Datei gewählt.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei auswählen…</translation>
    </message>
    <message>
        <source>Column to ignore</source>
        <translation>Zu ignorierende Spalte</translation>
    </message>
    <message>
        <source>Ignore column</source>
        <translation>Spalte ignorieren</translation>
    </message>
    <message>
        <source>What the import changes</source>
        <translation>Was der Import ändert</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Zeichenkodierung:</translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Datumsformat:</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>Welche Spalte was enthält</translation>
    </message>
    <message>
        <source>Rows as they will be imported</source>
        <translation>Zeilen, wie sie importiert werden</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>In der Datei gefundene Probleme</translation>
    </message>
    <message>
        <source>All or nothing: import only if every row is valid</source>
        <translation>Alles oder nichts: nur importieren, wenn jede Zeile gültig ist</translation>
    </message>
    <message>
        <source>Import the valid rows and skip the rows with errors</source>
        <translation>Gültige Zeilen importieren, fehlerhafte überspringen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt; (nothing is written until you press Import)</source>
        <translation>&lt;b&gt;Vorschau&lt;/b&gt; (nichts wird geschrieben, bis Sie auf „Importieren“ klicken)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt; (row, column, problem)</source>
        <translation>&lt;b&gt;Probleme&lt;/b&gt; (Zeile, Spalte, Problem)</translation>
    </message>
    <message>
        <source>&lt;b&gt;What would change&lt;/b&gt;</source>
        <translation>&lt;b&gt;Was sich ändern würde&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 lässt sich nicht lesen: %2.</translation>
    </message>
    <message>
        <source>tab-separated</source>
        <translation>tabulatorgetrennt</translation>
    </message>
    <message>
        <source>separated by &apos;%1&apos;</source>
        <translation>getrennt durch „%1“</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rows</source>
        <translation>
            <numerusform>%1: %n Zeile</numerusform>
            <numerusform>%1: %n Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n columns</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a file and the columns first.</source>
        <translation>Wählen Sie zuerst eine Datei und die Spalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n problems in the file: fix them, or choose to import only the valid rows.</source>
        <translation>
            <numerusform>%n Problem in der Datei: Beheben Sie es oder importieren Sie nur die gültigen Zeilen.</numerusform>
            <numerusform>%n Probleme in der Datei: Beheben Sie sie oder importieren Sie nur die gültigen Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No row can be imported.</source>
        <translation>Keine Zeile lässt sich importieren.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n employees…</source>
        <translation>
            <numerusform>%n mitarbeitende Person wird importiert…</numerusform>
            <numerusform>%n Mitarbeitende werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— nicht in der Datei —</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Windows-1252 (Western)</source>
        <translation>Windows-1252 (Westeuropäisch)</translation>
    </message>
    <message>
        <source>Windows-1250 (Central European)</source>
        <translation>Windows-1250 (Mitteleuropäisch)</translation>
    </message>
    <message>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251 (Kyrillisch)</translation>
    </message>
    <message>
        <source>Windows-1253 (Greek)</source>
        <translation>Windows-1253 (Griechisch)</translation>
    </message>
    <message>
        <source>Windows-1257 (Baltic)</source>
        <translation>Windows-1257 (Baltisch)</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Komma ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Semikolon ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Pipe |</source>
        <translation>Senkrechter Strich |</translation>
    </message>
    <message>
        <source>From the file (stops if unclear)</source>
        <translation>Aus der Datei (hält an, wenn unklar)</translation>
    </message>
    <message>
        <source>Day/month/year (31/12/2024)</source>
        <translation>Tag/Monat/Jahr (31/12/2024)</translation>
    </message>
    <message>
        <source>Month/day/year (12/31/2024)</source>
        <translation>Monat/Tag/Jahr (12/31/2024)</translation>
    </message>
    <message>
        <source>Year/month/day (2024/12/31)</source>
        <translation>Jahr/Monat/Tag (2024/12/31)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt *.tsv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>DecideExceptionDialog</name>
    <message>
        <source>Decide exception</source>
        <translation>Über Ausnahme entscheiden</translation>
    </message>
    <message>
        <source>Name of who decides</source>
        <translation>Name der entscheidenden Person</translation>
    </message>
    <message>
        <source>— choose the role —</source>
        <translation>— Rolle wählen —</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Exception:</source>
        <translation>Ausnahme:</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Entschieden von:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Entscheidung:</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Entscheidung erfassen</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Record a decision</source>
        <translation>Entscheidung erfassen</translation>
    </message>
    <message>
        <source>Correct a decision</source>
        <translation>Entscheidung berichtigen</translation>
    </message>
    <message>
        <source>Name of who decided</source>
        <translation>Name der Person, die entschieden hat</translation>
    </message>
    <message>
        <source>The decision in one or two sentences</source>
        <translation>Die Entscheidung in ein, zwei Sätzen</translation>
    </message>
    <message>
        <source>Why: the evidence and the alternatives considered</source>
        <translation>Warum: die Belege und die erwogenen Alternativen</translation>
    </message>
    <message>
        <source>Decided on:</source>
        <translation>Entschieden am:</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Entschieden von:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Entscheidung:</translation>
    </message>
    <message>
        <source>Rationale:</source>
        <translation>Begründung:</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>Entscheidung erfassen…</translation>
    </message>
    <message>
        <source>No decision recorded yet.</source>
        <translation>Noch keine Entscheidung erfasst.</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Beantragt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Beantragt von</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Genehmigende Person</translation>
    </message>
    <message>
        <source>Request exception…</source>
        <translation>Ausnahme beantragen…</translation>
    </message>
    <message>
        <source>Approve or decline…</source>
        <translation>Genehmigen oder ablehnen…</translation>
    </message>
    <message>
        <source>No exception to the path.</source>
        <translation>Keine Ausnahme vom Verfahren.</translation>
    </message>
    <message>
        <source>Sign-offs of stage moves</source>
        <translation>Freigaben von Phasenwechseln</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Wechsel</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>No sign-off requested or recorded.</source>
        <translation>Keine Freigabe angefragt oder erfasst.</translation>
    </message>
    <message>
        <source>closed (%1)</source>
        <translation>abgeschlossen (%1)</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documentation packs</source>
        <translation>Dokumentationsmappen</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Integrity code</source>
        <translation>Prüfcode</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>Termindatum</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Build pack…</source>
        <translation>Mappe erstellen…</translation>
    </message>
    <message>
        <source>Redacted summary…</source>
        <translation>Geschwärzte Zusammenfassung…</translation>
    </message>
    <message>
        <source>No pack generated yet.</source>
        <translation>Noch keine Mappe erstellt.</translation>
    </message>
    <message>
        <source>Build a documentation pack for a meeting from the case as it stands now</source>
        <translation>Eine Dokumentationsmappe für einen Termin aus dem aktuellen Stand des Falls erstellen</translation>
    </message>
    <message>
        <source>Export a summary of the case that names nobody (verified before writing)</source>
        <translation>Eine Zusammenfassung des Falls exportieren, die niemanden nennt (vor dem Schreiben geprüft)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save protected…</source>
        <translation>Geschützt speichern…</translation>
    </message>
    <message>
        <source>Save a copy that opens only with a password</source>
        <translation>Eine Kopie speichern, die sich nur mit Kennwort öffnet</translation>
    </message>
    <message>
        <source>Building the pack…</source>
        <translation>Mappe wird erstellt…</translation>
    </message>
    <message>
        <source>Pack not built</source>
        <translation>Mappe nicht erstellt</translation>
    </message>
    <message>
        <source>Something went wrong (%1); nothing was stored. Try again.</source>
        <translation>Etwas ist schiefgegangen (%1); es wurde nichts gespeichert. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Nicht gedruckt</translation>
    </message>
    <message>
        <source>written to {0}</source>
        <translation>geschrieben nach {0}</translation>
    </message>
    <message>
        <source>sent to {0}</source>
        <translation>gesendet an {0}</translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>den Drucker</translation>
    </message>
    <message numerus="yes">
        <source>%n pages of %1 %2.</source>
        <translation>
            <numerusform>%n Seite von %1 %2.</numerusform>
            <numerusform>%n Seiten von %1 %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save protected pack</source>
        <translation>Geschützte Mappe speichern</translation>
    </message>
    <message>
        <source>Save documentation pack</source>
        <translation>Dokumentationsmappe speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Pack not saved</source>
        <translation>Mappe nicht gespeichert</translation>
    </message>
    <message>
        <source> (protected: send the password separately)</source>
        <translation> (geschützt: Senden Sie das Kennwort getrennt)</translation>
    </message>
    <message>
        <source>Pack {0} saved to {1}{2}.</source>
        <translation>Mappe {0} gespeichert unter {1}{2}.</translation>
    </message>
    <message>
        <source>Protect the PDF</source>
        <translation>PDF schützen</translation>
    </message>
    <message>
        <source>Password to open the PDF (at least 8 characters; send it separately from the file):</source>
        <translation>Kennwort zum Öffnen der PDF (mindestens 8 Zeichen; getrennt von der Datei senden):</translation>
    </message>
    <message>
        <source>Export redacted summary</source>
        <translation>Geschwärzte Zusammenfassung exportieren</translation>
    </message>
    <message>
        <source>redacted-summary</source>
        <translation>geschwaerzte-zusammenfassung</translation>
    </message>
    <message>
        <source>Exporting the redacted summary…</source>
        <translation>Geschwärzte Zusammenfassung wird exportiert…</translation>
    </message>
    <message>
        <source>Redacted summary written to %1. The verifier checked it: it names no one in the vault.</source>
        <translation>Geschwärzte Zusammenfassung gespeichert unter %1. Die Prüfung hat bestätigt: Sie nennt niemanden aus dem Tresor.</translation>
    </message>
    <message>
        <source>Summary refused by the verifier</source>
        <translation>Zusammenfassung von der Prüfung abgelehnt</translation>
    </message>
    <message>
        <source>Summary not exported</source>
        <translation>Zusammenfassung nicht exportiert</translation>
    </message>
    <message>
        <source>Something went wrong (%1); nothing was written. Try again.</source>
        <translation>Etwas ist schiefgegangen (%1); es wurde nichts geschrieben. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>CSV spreadsheets (*.csv)</source>
        <translation>CSV-Tabellen (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <source>Edit employee</source>
        <translation>Mitarbeitende Person bearbeiten</translation>
    </message>
    <message>
        <source>New employee</source>
        <translation>Neue mitarbeitende Person</translation>
    </message>
    <message>
        <source>As in the HR system, e.g. E10442</source>
        <translation>Wie im HR-System, z. B. E10442</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Choose or type a department</source>
        <translation>Abteilung wählen oder eingeben</translation>
    </message>
    <message>
        <source>Line manager&apos;s name</source>
        <translation>Name der direkten Führungskraft</translation>
    </message>
    <message>
        <source>e.g. 2021-04-01 (optional)</source>
        <translation>z. B. 2021-04-01 (optional)</translation>
    </message>
    <message>
        <source>name@example.org (optional)</source>
        <translation>name@example.org (optional)</translation>
    </message>
    <message>
        <source>Employee number:</source>
        <translation>Personalnummer:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Job title:</source>
        <translation>Stellenbezeichnung:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Abteilung:</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Führungskraft:</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Eintrittsdatum:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Stellenbezeichnung</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Führungskraft</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Eintrittsdatum</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>EmployeesWindow</name>
    <message>
        <source>Employees — Casepath</source>
        <translation>Mitarbeitende – Casepath</translation>
    </message>
    <message>
        <source>Find employees</source>
        <translation>Mitarbeitende suchen</translation>
    </message>
    <message>
        <source>Find by name, number, department, manager … (Ctrl+F)</source>
        <translation>Nach Name, Nummer, Abteilung, Führungskraft … suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Mitarbeitende</translation>
    </message>
    <message>
        <source>New employee…</source>
        <translation>Neue mitarbeitende Person…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Subject access export…</source>
        <translation>Auskunftsexport…</translation>
    </message>
    <message>
        <source>Everything held about the selected employee, for them to read</source>
        <translation>Alles, was über die ausgewählte Person gespeichert ist, zum Lesen für sie</translation>
    </message>
    <message>
        <source>Erase employee…</source>
        <translation>Mitarbeitende Person löschen…</translation>
    </message>
    <message>
        <source>Remove this person and every case about them</source>
        <translation>Diese Person und jeden Fall zu ihr entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n employees</source>
        <translation>
            <numerusform>%n mitarbeitende Person</numerusform>
            <numerusform>%n Mitarbeitende</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n employees</source>
        <translation>
            <numerusform>%1 von %n mitarbeitenden Person</numerusform>
            <numerusform>%1 von %n Mitarbeitenden</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to put the subject access export</source>
        <translation>Wohin der Auskunftsexport soll</translation>
    </message>
    <message>
        <source>Wrote %1: %2 and %3 (%4). Read the attached files before release.</source>
        <translation>%1 geschrieben: %2 und %3 (%4). Lesen Sie die angehängten Dateien vor der Herausgabe.</translation>
    </message>
    <message numerus="yes">
        <source>%n attached files</source>
        <translation>
            <numerusform>%n angehängte Datei</numerusform>
            <numerusform>%n angehängte Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase case</source>
        <translation>Fall löschen</translation>
    </message>
    <message>
        <source>Type the case reference %1 to erase it:</source>
        <translation>Geben Sie das Aktenzeichen %1 ein, um den Fall zu löschen:</translation>
    </message>
    <message>
        <source>Erase employee</source>
        <translation>Mitarbeitende Person löschen</translation>
    </message>
    <message>
        <source>Type the employee number %1 to erase them:</source>
        <translation>Geben Sie die Personalnummer %1 ein, um die Person zu löschen:</translation>
    </message>
    <message>
        <source>Erase for good: %1?</source>
        <translation>Endgültig löschen: %1?</translation>
    </message>
    <message>
        <source>This removes from the vault:</source>
        <translation>Dies entfernt aus dem Tresor:</translation>
    </message>
    <message>
        <source>The audit trail keeps one event saying that an erasure happened, under which rule and how many records went, without any name.</source>
        <translation>Das Prüfprotokoll behält ein Ereignis, das festhält, dass gelöscht wurde, nach welcher Regel und wie viele Einträge, ohne einen Namen.</translation>
    </message>
    <message>
        <source>Backups made before today and files exported earlier still hold these records: delete them by hand.</source>
        <translation>Sicherungen von vor heute und früher exportierte Dateien enthalten diese Einträge noch: Löschen Sie sie von Hand.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>This cannot be erased: it is under %1. Lift the hold first.</source>
        <translation>Dies lässt sich nicht löschen: Es gilt %1. Heben Sie zuerst die Sperre auf.</translation>
    </message>
    <message>
        <source>Erasing and compacting the vault…</source>
        <translation>Der Tresor wird gelöscht und verdichtet…</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Beobachtet</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Actual / expected</source>
        <translation>Ist / Soll</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>New indicator…</source>
        <translation>Neuer Indikator…</translation>
    </message>
    <message>
        <source>No indicator recorded yet.</source>
        <translation>Noch kein Indikator erfasst.</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Beobachtungen</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Verfasst von</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <source>New observation…</source>
        <translation>Neue Beobachtung…</translation>
    </message>
    <message>
        <source>No observation recorded yet.</source>
        <translation>Noch keine Beobachtung erfasst.</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Adds business days to the current stage&apos;s deadline.</source>
        <translation>Verlängert die Frist der aktuellen Phase um Arbeitstage.</translation>
    </message>
    <message>
        <source>Stops the clock between two dates (e.g. a leave of absence).</source>
        <translation>Hält die Frist zwischen zwei Daten an (z. B. bei einer Abwesenheit).</translation>
    </message>
    <message>
        <source>Allows the case to skip a later stage.</source>
        <translation>Erlaubt dem Fall, eine spätere Phase zu überspringen.</translation>
    </message>
    <message>
        <source>Any other agreed departure from the path.</source>
        <translation>Jede andere vereinbarte Abweichung vom Verfahren.</translation>
    </message>
    <message>
        <source>Request exception</source>
        <translation>Ausnahme beantragen</translation>
    </message>
    <message>
        <source>Why the path should change for this case (required)</source>
        <translation>Warum das Verfahren für diesen Fall abweichen soll (Pflichtangabe)</translation>
    </message>
    <message>
        <source> business days</source>
        <translation> Arbeitstage</translation>
    </message>
    <message>
        <source>Leave empty to record a request awaiting approval</source>
        <translation>Leer lassen, um einen Antrag zu erfassen, der auf Genehmigung wartet</translation>
    </message>
    <message>
        <source>— choose the approver&apos;s role —</source>
        <translation>— Rolle der genehmigenden Person wählen —</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>Requested by:</source>
        <translation>Beantragt von:</translation>
    </message>
    <message>
        <source>Extension:</source>
        <translation>Verlängerung:</translation>
    </message>
    <message>
        <source>Pause from:</source>
        <translation>Pause ab:</translation>
    </message>
    <message>
        <source>Pause until:</source>
        <translation>Pause bis:</translation>
    </message>
    <message>
        <source>Stage to skip:</source>
        <translation>Zu überspringende Phase:</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>Genehmigt von:</translation>
    </message>
    <message>
        <source>Approver&apos;s role:</source>
        <translation>Rolle der genehmigenden Person:</translation>
    </message>
    <message>
        <source>Under this policy, an exception of the kind “%1” is approved by: %2.</source>
        <translation>Nach dieser Richtlinie genehmigt eine Ausnahme der Art „%1“: %2.</translation>
    </message>
    <message>
        <source>This policy names nobody who may approve an exception of the kind “%1”.</source>
        <translation>Diese Richtlinie nennt niemanden, der eine Ausnahme der Art „%1“ genehmigen darf.</translation>
    </message>
</context>
<context>
    <name>HandoverActions</name>
    <message>
        <source>Casepath</source>
        <translation>Casepath</translation>
    </message>
    <message>
        <source>Wrote the handover bundle %1 (%2), digest %3.</source>
        <translation>Übergabepaket %1 geschrieben (%2), Prüfwert %3.</translation>
    </message>
    <message>
        <source>Import a handover bundle</source>
        <translation>Übergabepaket importieren</translation>
    </message>
    <message>
        <source>Handover bundle (*)</source>
        <translation>Übergabepaket (*)</translation>
    </message>
    <message>
        <source>Imported %1 from %2 (digest %4: check it with the sender). Send the acknowledgement %3 back to the sender.</source>
        <translation>%1 aus %2 importiert (Prüfwert %4: Prüfen Sie ihn mit dem Absender). Senden Sie die Empfangsbestätigung %3 an den Absender zurück.</translation>
    </message>
    <message>
        <source>Import an acknowledgement</source>
        <translation>Empfangsbestätigung importieren</translation>
    </message>
    <message>
        <source>Acknowledgement (*)</source>
        <translation>Empfangsbestätigung (*)</translation>
    </message>
    <message>
        <source>Handed over: %1 are read-only in this vault now.</source>
        <translation>Übergeben: %1 sind in diesem Tresor jetzt schreibgeschützt.</translation>
    </message>
    <message>
        <source>&amp;Handover</source>
        <translation>Über&amp;gabe</translation>
    </message>
    <message>
        <source>This vault&apos;s handover &amp;key…</source>
        <translation>Übergabe&amp;schlüssel dieses Tresors…</translation>
    </message>
    <message>
        <source>&amp;Hand cases over…</source>
        <translation>Fälle &amp;übergeben…</translation>
    </message>
    <message>
        <source>&amp;Import a handover bundle…</source>
        <translation>Übergabepaket &amp;importieren…</translation>
    </message>
    <message>
        <source>Import an &amp;acknowledgement…</source>
        <translation>Empfangs&amp;bestätigung importieren…</translation>
    </message>
</context>
<context>
    <name>HandoverExportDialog</name>
    <message>
        <source>Hand cases over — Casepath</source>
        <translation>Fälle übergeben – Casepath</translation>
    </message>
    <message>
        <source>The bundle is encrypted for the receiving vault&apos;s key and carries each case&apos;s records, files and audit trail. The cases stay editable here until you import the receiver&apos;s acknowledgement; then they are read-only.</source>
        <translation>Das Paket ist für den Schlüssel des empfangenden Tresors verschlüsselt und enthält die Einträge, Dateien und das Prüfprotokoll jedes Falls. Die Fälle bleiben hier bearbeitbar, bis Sie die Empfangsbestätigung importieren; danach sind sie schreibgeschützt.</translation>
    </message>
    <message>
        <source>Case references, separated by spaces</source>
        <translation>Aktenzeichen, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>age1… (the receiving vault&apos;s handover key)</source>
        <translation>age1… (der Übergabeschlüssel des empfangenden Tresors)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Receiver&apos;s key</source>
        <translation>Schlüssel des Empfängers</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>Paketdatei</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Paket exportieren</translation>
    </message>
    <message>
        <source>Save the handover bundle</source>
        <translation>Übergabepaket speichern</translation>
    </message>
    <message>
        <source>Handover bundle (*.bundle)</source>
        <translation>Übergabepaket (*.bundle)</translation>
    </message>
</context>
<context>
    <name>HandoverKeyDialog</name>
    <message>
        <source>Handover key — Casepath</source>
        <translation>Übergabeschlüssel – Casepath</translation>
    </message>
    <message>
        <source>Give this key to the officer who hands a case over to you. Only this vault can open a bundle made for it. The key is not secret; check it with the sender by phone.</source>
        <translation>Geben Sie diesen Schlüssel der HR-Fachkraft, die Ihnen einen Fall übergibt. Nur dieser Tresor kann ein dafür erstelltes Paket öffnen. Der Schlüssel ist nicht geheim; prüfen Sie ihn telefonisch mit dem Absender.</translation>
    </message>
    <message>
        <source>Key to give the receiver</source>
        <translation>Schlüssel für die empfangende Stelle</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;About Casepath</source>
        <translation>Über &amp;Casepath</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History — %1</source>
        <translation>Änderungsverlauf – %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Show &amp;every record, also those never changed</source>
        <translation>&amp;Jeden Eintrag zeigen, auch nie geänderte</translation>
    </message>
    <message>
        <source>Versions of the record</source>
        <translation>Fassungen des Eintrags</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation>&amp;Eintrag:</translation>
    </message>
    <message>
        <source>, removed</source>
        <translation>, entfernt</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Removed by %1 on %2.</source>
        <translation>Entfernt von %1 am %2.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Fassung %1</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (aktuell)</translation>
    </message>
    <message>
        <source> (before the import, from %1)</source>
        <translation> (vor dem Import, von %1)</translation>
    </message>
    <message>
        <source> (before the handover, from %1)</source>
        <translation> (vor der Übergabe, von %1)</translation>
    </message>
    <message>
        <source>%1 by %2 on %3</source>
        <translation>%1 von %2 am %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>First version.</source>
        <translation>Erste Fassung.</translation>
    </message>
    <message>
        <source>No field shown here changed.</source>
        <translation>Kein hier gezeigtes Feld hat sich geändert.</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf der Änderungen…</translation>
    </message>
    <message>
        <source>Every earlier version of this record</source>
        <translation>Jede frühere Fassung dieses Eintrags</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <source>Lift legal hold</source>
        <translation>Rechtliche Sperre aufheben</translation>
    </message>
    <message>
        <source>Case %1 is under %2. Why can the hold be lifted now?</source>
        <translation>Für Fall %1 gilt %2. Warum kann die Sperre jetzt aufgehoben werden?</translation>
    </message>
    <message>
        <source>Place legal hold</source>
        <translation>Rechtliche Sperre setzen</translation>
    </message>
    <message>
        <source>While the hold is in force nothing of case %1 can be deleted or erased, whatever the retention policy says. Why must it be kept?</source>
        <translation>Solange die Sperre gilt, kann nichts von Fall %1 gelöscht werden, was auch immer die Aufbewahrungsregeln sagen. Warum muss er aufbewahrt werden?</translation>
    </message>
    <message>
        <source>e.g. an employment tribunal claim</source>
        <translation>z. B. eine Klage vor dem Arbeitsgericht</translation>
    </message>
    <message>
        <source>Lift hold</source>
        <translation>Sperre aufheben</translation>
    </message>
    <message>
        <source>Place hold</source>
        <translation>Sperre setzen</translation>
    </message>
    <message>
        <source>lifting the hold</source>
        <translation>das Aufheben der Sperre</translation>
    </message>
    <message>
        <source>the hold</source>
        <translation>die Sperre</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ImportProblemModel</name>
    <message>
        <source>(warning)</source>
        <translation>(Warnung)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <source>%1 must be a number, e.g. 40 or 12.5.</source>
        <translation>%1 muss eine Zahl sein, z. B. 40 oder 12,5.</translation>
    </message>
    <message>
        <source>Record an indicator</source>
        <translation>Indikator erfassen</translation>
    </message>
    <message>
        <source>Correct an indicator</source>
        <translation>Indikator berichtigen</translation>
    </message>
    <message>
        <source>What is measured, e.g. &apos;Tickets closed per week&apos;</source>
        <translation>Was gemessen wird, z. B. „Erledigte Tickets pro Woche“</translation>
    </message>
    <message>
        <source>Target, e.g. 40</source>
        <translation>Sollwert, z. B. 40</translation>
    </message>
    <message>
        <source>Measured, e.g. 28</source>
        <translation>Gemessen, z. B. 28</translation>
    </message>
    <message>
        <source>e.g. tickets/week, %, complaints</source>
        <translation>z. B. Tickets/Woche, %, Beschwerden</translation>
    </message>
    <message>
        <source>Where the figure comes from, e.g. &apos;Service desk report&apos;</source>
        <translation>Woher die Zahl stammt, z. B. „Servicedesk-Bericht“</translation>
    </message>
    <message>
        <source>What was observed (required when there are no figures)</source>
        <translation>Was beobachtet wurde (Pflichtangabe, wenn es keine Zahlen gibt)</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Kennzahl:</translation>
    </message>
    <message>
        <source>Observed on:</source>
        <translation>Beobachtet am:</translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation>Soll:</translation>
    </message>
    <message>
        <source>Actual:</source>
        <translation>Ist:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Einheit:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Safety and compliance indicators may call for the high-stakes track.</source>
        <translation>Indikatoren zu Sicherheit und Compliance können den Verfahrensweg mit hoher Tragweite nahelegen.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Something went wrong (%1). Everything saved before this moment is safe in the vault. If it happens again, lock the vault (Ctrl+L), reopen it, and report the error type shown here.</source>
        <translation>Etwas ist schiefgegangen (%1). Alles, was vorher gespeichert wurde, ist im Tresor sicher. Wenn es wieder passiert, sperren Sie den Tresor (Strg+L), öffnen Sie ihn erneut und melden Sie die hier gezeigte Fehlerart.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>&amp;Neuer Fall…</translation>
    </message>
    <message>
        <source>Open a case for an employee (Ctrl+N)</source>
        <translation>Einen Fall für eine mitarbeitende Person eröffnen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ak&amp;tualisieren</translation>
    </message>
    <message>
        <source>&amp;Close case view</source>
        <translation>Fallansicht s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Officers…</source>
        <translation>&amp;HR-Fachkräfte…</translation>
    </message>
    <message>
        <source>E&amp;scalation policy…</source>
        <translation>Eskalations&amp;richtlinie…</translation>
    </message>
    <message>
        <source>The stages, roles and deadlines cases follow</source>
        <translation>Die Phasen, Rollen und Fristen, denen Fälle folgen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Employees</source>
        <translation>&amp;Mitarbeitende</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Fälle</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>Au&amp;fbewahrung</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Case %1 (Ctrl+W closes this view)</source>
        <translation>Fall %1 (Strg+W schließt diese Ansicht)</translation>
    </message>
    <message>
        <source>Re-read from the vault.</source>
        <translation>Aus dem Tresor neu gelesen.</translation>
    </message>
    <message numerus="yes">
        <source>%n cases shown</source>
        <translation>
            <numerusform>%n Fall angezeigt</numerusform>
            <numerusform>%n Fälle angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlocked · locks after %n min idle (Ctrl+L locks now)</source>
        <translation>
            <numerusform>Entsperrt · sperrt nach %n Min. Inaktivität (Strg+L sperrt sofort)</numerusform>
            <numerusform>Entsperrt · sperrt nach %n Min. Inaktivität (Strg+L sperrt sofort)</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
</context>
<context>
    <name>MicroGoalChecklist</name>
    <message>
        <source>This case has no coaching plan, so no micro-goals.</source>
        <translation>Dieser Fall hat keinen Coaching-Plan und daher keine Teilziele.</translation>
    </message>
    <message>
        <source>Every micro-goal of the plan is already done or missed.</source>
        <translation>Jedes Teilziel des Plans ist bereits erledigt oder verfehlt.</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>fällig am {day}</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Noch offen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verfehlt</translation>
    </message>
    <message>
        <source>{goal}: done or missed</source>
        <translation>{goal}: erledigt oder verfehlt</translation>
    </message>
    <message>
        <source>Note (why, if missed)</source>
        <translation>Notiz (warum, falls verfehlt)</translation>
    </message>
    <message>
        <source>Note on {goal}</source>
        <translation>Notiz zu {goal}</translation>
    </message>
    <message>
        <source>&apos;{goal}&apos; is due on {day}: it cannot be missed yet; leave it open.</source>
        <translation>„{goal}“ ist am {day} fällig: Es kann noch nicht verfehlt sein; lassen Sie es offen.</translation>
    </message>
    <message>
        <source>Say briefly why &apos;{goal}&apos; was missed.</source>
        <translation>Sagen Sie kurz, warum „{goal}“ verfehlt wurde.</translation>
    </message>
</context>
<context>
    <name>MicroGoalForm</name>
    <message>
        <source>Micro-goal</source>
        <translation>Teilziel</translation>
    </message>
    <message>
        <source>Micro-goal:</source>
        <translation>Teilziel:</translation>
    </message>
    <message>
        <source>A small step with its own date</source>
        <translation>Ein kleiner Schritt mit eigenem Datum</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Fällig:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeitende Person</translation>
    </message>
    <message>
        <source>Type a name or employee number</source>
        <translation>Namen oder Personalnummer eingeben</translation>
    </message>
    <message>
        <source>New &amp;employee…</source>
        <translation>Neue &amp;mitarbeitende Person…</translation>
    </message>
    <message>
        <source>Add the employee here if they are not in the list yet</source>
        <translation>Die Person hier anlegen, wenn sie noch nicht in der Liste steht</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Fall eröffnen</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Verfahrensweg</translation>
    </message>
    <message>
        <source>Starting stage</source>
        <translation>Anfangsphase</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Eröffnet am</translation>
    </message>
    <message>
        <source>There are no employees yet: add one with New employee…, or import them (View → Employees).</source>
        <translation>Es gibt noch keine Mitarbeitenden: Legen Sie jemanden mit „Neue mitarbeitende Person…“ an oder importieren Sie sie (Ansicht → Mitarbeitende).</translation>
    </message>
    <message>
        <source>Choose the employee from the list.</source>
        <translation>Wählen Sie die mitarbeitende Person aus der Liste.</translation>
    </message>
    <message>
        <source>Choose the starting stage.</source>
        <translation>Wählen Sie die Anfangsphase.</translation>
    </message>
</context>
<context>
    <name>NewPackDialog</name>
    <message>
        <source>New documentation pack</source>
        <translation>Neue Dokumentationsmappe</translation>
    </message>
    <message>
        <source>Date and place from the case (the next scheduled review, else today)</source>
        <translation>Datum und Ort aus dem Fall (die nächste geplante Überprüfung, sonst heute)</translation>
    </message>
    <message>
        <source>Room, building or call link</source>
        <translation>Raum, Gebäude oder Link zum Anruf</translation>
    </message>
    <message>
        <source>One line on the pack&apos;s first page: up to {0} characters.</source>
        <translation>Eine Zeile auf der ersten Seite der Mappe: bis zu {0} Zeichen.</translation>
    </message>
    <message>
        <source>Append the case&apos;s audit trail</source>
        <translation>Das Prüfprotokoll des Falls anhängen</translation>
    </message>
    <message>
        <source>Every recorded action on the case, who and when, as the pack&apos;s last section</source>
        <translation>Jede erfasste Aktion am Fall, wer und wann, als letzter Abschnitt der Mappe</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Build pack</source>
        <translation>Mappe erstellen</translation>
    </message>
</context>
<context>
    <name>ObjectiveForm</name>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Objective:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>What should improve, e.g. Close more tickets</source>
        <translation>Was sich verbessern soll, z. B. Mehr Tickets erledigen</translation>
    </message>
    <message>
        <source>Measure:</source>
        <translation>Messgröße:</translation>
    </message>
    <message>
        <source>How it is counted, e.g. Tickets closed a week</source>
        <translation>Wie gezählt wird, z. B. Erledigte Tickets pro Woche</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Einheit:</translation>
    </message>
    <message>
        <source>Better when:</source>
        <translation>Besser, wenn:</translation>
    </message>
    <message>
        <source>Baseline (today):</source>
        <translation>Ausgangswert (heute):</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Sollwert:</translation>
    </message>
    <message>
        <source>Stretch target:</source>
        <translation>Übertreffungsziel:</translation>
    </message>
    <message>
        <source>optional: beyond the target</source>
        <translation>optional: über den Sollwert hinaus</translation>
    </message>
    <message>
        <source>Met by:</source>
        <translation>Erreicht bis:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <source>Record an observation</source>
        <translation>Beobachtung erfassen</translation>
    </message>
    <message>
        <source>Correct an observation</source>
        <translation>Beobachtung berichtigen</translation>
    </message>
    <message>
        <source>Who observed it</source>
        <translation>Wer es beobachtet hat</translation>
    </message>
    <message>
        <source>e.g. peer, customer, team lead</source>
        <translation>z. B. Kollegin, Kunde, Teamleitung</translation>
    </message>
    <message>
        <source>What was observed: context, causes, constraints — facts, not judgements</source>
        <translation>Was beobachtet wurde: Zusammenhang, Ursachen, Einschränkungen – Tatsachen, keine Urteile</translation>
    </message>
    <message>
        <source>Observed on:</source>
        <translation>Beobachtet am:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Verfasst von:</translation>
    </message>
    <message>
        <source>Author&apos;s role:</source>
        <translation>Rolle der verfassenden Person:</translation>
    </message>
    <message>
        <source>Observation:</source>
        <translation>Beobachtung:</translation>
    </message>
</context>
<context>
    <name>OfficerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>HR officer</source>
        <translation>HR-Fachkraft</translation>
    </message>
    <message>
        <source>HR lead</source>
        <translation>HR-Leitung</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Retired %1</source>
        <translation>Ausgeschieden %1</translation>
    </message>
</context>
<context>
    <name>OfficersDialog</name>
    <message>
        <source>Officers</source>
        <translation>HR-Fachkräfte</translation>
    </message>
    <message>
        <source>HR officer</source>
        <translation>HR-Fachkraft</translation>
    </message>
    <message>
        <source>HR lead</source>
        <translation>HR-Leitung</translation>
    </message>
    <message>
        <source>Add officer</source>
        <translation>HR-Fachkraft hinzufügen</translation>
    </message>
    <message>
        <source>Retire selected</source>
        <translation>Ausgewählte ausscheiden lassen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Officers are never deleted: the audit trail names them. A retired officer can no longer act in this vault.</source>
        <translation>HR-Fachkräfte werden nie gelöscht: Das Prüfprotokoll nennt sie. Wer ausgeschieden ist, kann in diesem Tresor nicht mehr handeln.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Select the officer to retire.</source>
        <translation>Wählen Sie die HR-Fachkraft, die ausscheiden soll.</translation>
    </message>
    <message>
        <source>Retired %1.</source>
        <translation>%1 ist ausgeschieden.</translation>
    </message>
</context>
<context>
    <name>PackPreview</name>
    <message>
        <source>Preview of the pack</source>
        <translation>Vorschau der Mappe</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Ganze Seite</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Seitenbreite</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>Seite {0} von {1}</translation>
    </message>
    <message>
        <source>No pages</source>
        <translation>Keine Seiten</translation>
    </message>
</context>
<context>
    <name>PackPrinting</name>
    <message>
        <source>Print documentation pack</source>
        <translation>Dokumentationsmappe drucken</translation>
    </message>
    <message>
        <source>The print queue %1 did not take the job (%2). Check the printer and try again.</source>
        <translation>Die Druckerwarteschlange %1 hat den Auftrag nicht angenommen (%2). Prüfen Sie den Drucker und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The print queue %1 refused the job%2. Check the printer and try again.</source>
        <translation>Die Druckerwarteschlange %1 hat den Auftrag abgelehnt%2. Prüfen Sie den Drucker und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The printer could not be started. Check it and try again.</source>
        <translation>Der Drucker ließ sich nicht starten. Prüfen Sie ihn und versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>New coaching plan</source>
        <translation>Neuer Coaching-Plan</translation>
    </message>
    <message>
        <source>Edit coaching plan v{v}</source>
        <translation>Coaching-Plan v{v} bearbeiten</translation>
    </message>
    <message>
        <source>Revise coaching plan v{v}</source>
        <translation>Coaching-Plan v{v} überarbeiten</translation>
    </message>
    <message>
        <source>Plan starts:</source>
        <translation>Plan beginnt:</translation>
    </message>
    <message>
        <source>Plan ends:</source>
        <translation>Plan endet:</translation>
    </message>
    <message>
        <source>Manager who runs it:</source>
        <translation>Verantwortliche Führungskraft:</translation>
    </message>
    <message>
        <source>HR officer:</source>
        <translation>HR-Fachkraft:</translation>
    </message>
    <message>
        <source>Executive sponsor:</source>
        <translation>Auftraggeber aus der Leitung:</translation>
    </message>
    <message>
        <source>The senior person who backs the plan</source>
        <translation>Die Führungsperson, die den Plan unterstützt</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Resources are the support the employee gets: coaching, training, mentoring, a change of workload. Add one with Add resource (Alt+R).</source>
        <translation>Unterstützung ist, was die mitarbeitende Person bekommt: Coaching, Schulung, Mentoring, eine andere Arbeitslast. Fügen Sie sie mit „Unterstützung hinzufügen“ (Alt+U) hinzu.</translation>
    </message>
    <message>
        <source>Objectives say what should improve, from a baseline to a target by a date. Add one with Add objective (Alt+O), then break it into micro-goals (Alt+M): small steps with their own dates.</source>
        <translation>Ziele sagen, was sich verbessern soll: von einem Ausgangswert zu einem Sollwert bis zu einem Datum. Fügen Sie eines mit „Ziel hinzufügen“ (Alt+Z) hinzu und teilen Sie es dann in Teilziele (Alt+T): kleine Schritte mit eigenem Datum.</translation>
    </message>
    <message>
        <source>Write it as a number, e.g. 28 or 2.5 (or leave it blank).</source>
        <translation>Schreiben Sie eine Zahl, z. B. 28 oder 2,5 (oder lassen Sie das Feld leer).</translation>
    </message>
    <message>
        <source>The new agreement date cannot be before the previous one ({d}).</source>
        <translation>Das neue Vereinbarungsdatum kann nicht vor dem vorigen liegen ({d}).</translation>
    </message>
    <message>
        <source>Change the plan to revise it (nothing changed yet).</source>
        <translation>Ändern Sie den Plan, um ihn zu überarbeiten (noch nichts geändert).</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Ausgangswert</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Sollwert</translation>
    </message>
    <message>
        <source>stretch target</source>
        <translation>Übertreffungsziel</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>bereitgestellt von</translation>
    </message>
    <message>
        <source>micro-goals</source>
        <translation>Teilziele</translation>
    </message>
    <message>
        <source>Objective {n}</source>
        <translation>Ziel {n}</translation>
    </message>
    <message>
        <source>Resource {n}</source>
        <translation>Unterstützung {n}</translation>
    </message>
    <message>
        <source>micro-goal {n}</source>
        <translation>Teilziel {n}</translation>
    </message>
</context>
<context>
    <name>PlanOutlineModel</name>
    <message>
        <source>Objective, micro-goal or resource</source>
        <translation>Ziel, Teilziel oder Unterstützung</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Unterstützung</translation>
    </message>
    <message>
        <source>New objective (no title yet)</source>
        <translation>Neues Ziel (noch ohne Titel)</translation>
    </message>
    <message>
        <source>New micro-goal (no title yet)</source>
        <translation>Neues Teilziel (noch ohne Titel)</translation>
    </message>
    <message>
        <source>no description yet</source>
        <translation>noch keine Beschreibung</translation>
    </message>
</context>
<context>
    <name>PlanOutlineView</name>
    <message>
        <source>Objectives, micro-goals and resources</source>
        <translation>Ziele, Teilziele und Unterstützung</translation>
    </message>
    <message>
        <source>Add &amp;objective</source>
        <translation>&amp;Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;micro-goal</source>
        <translation>&amp;Teilziel hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;resource</source>
        <translation>&amp;Unterstützung hinzufügen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move the chosen line up (Alt+Up)</source>
        <translation>Gewählte Zeile nach oben (Alt+Pfeil hoch)</translation>
    </message>
    <message>
        <source>Move the chosen line down (Alt+Down)</source>
        <translation>Gewählte Zeile nach unten (Alt+Pfeil runter)</translation>
    </message>
    <message>
        <source>Remove the chosen line (Delete)</source>
        <translation>Gewählte Zeile entfernen (Entf)</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>not yet walked through with the employee</source>
        <translation>noch nicht mit der mitarbeitenden Person durchgesprochen</translation>
    </message>
    <message>
        <source>walked through on {day}: </source>
        <translation>durchgesprochen am {day}: </translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>zugestimmt</translation>
    </message>
    <message>
        <source>did not agree</source>
        <translation>nicht zugestimmt</translation>
    </message>
    <message>
        <source>Plan v{v}</source>
        <translation>Plan v{v}</translation>
    </message>
    <message>
        <source>Employee&apos;s comment:</source>
        <translation>Kommentar der mitarbeitenden Person:</translation>
    </message>
    <message>
        <source>Why revised:</source>
        <translation>Grund der Überarbeitung:</translation>
    </message>
    <message>
        <source>Changes from the previous version</source>
        <translation>Änderungen gegenüber der vorigen Fassung</translation>
    </message>
    <message>
        <source>Manager {manager} · HR officer {officer} · Executive sponsor {sponsor}</source>
        <translation>Führungskraft {manager} · HR-Fachkraft {officer} · Auftraggeber {sponsor}</translation>
    </message>
    <message>
        <source>{goal} — due {day} ({status})</source>
        <translation>{goal} – fällig am {day} ({status})</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Unterstützung</translation>
    </message>
    <message>
        <source>, by {day}</source>
        <translation>, bis {day}</translation>
    </message>
    <message>
        <source>Create plan…</source>
        <translation>Plan erstellen…</translation>
    </message>
    <message>
        <source>Edit plan…</source>
        <translation>Plan bearbeiten…</translation>
    </message>
    <message>
        <source>Revise plan…</source>
        <translation>Plan überarbeiten…</translation>
    </message>
    <message>
        <source>Add progress…</source>
        <translation>Fortschritt erfassen…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf der Änderungen…</translation>
    </message>
    <message>
        <source>Every version of this plan: who changed what</source>
        <translation>Jede Fassung dieses Plans: wer was geändert hat</translation>
    </message>
    <message>
        <source>Objectives, micro-goals and resources</source>
        <translation>Ziele, Teilziele und Unterstützung</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>Als &amp;erledigt markieren</translation>
    </message>
    <message>
        <source>Mark &amp;missed…</source>
        <translation>Als &amp;verfehlt markieren…</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>Wieder ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Chosen micro-goal:</source>
        <translation>Gewähltes Teilziel:</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>★ achieved</source>
        <translation>★ erreicht</translation>
    </message>
    <message>
        <source>No progress recorded yet.</source>
        <translation>Noch kein Fortschritt erfasst.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Fassungen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Fassung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>First plan</source>
        <translation>Erster Plan</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>No versions.</source>
        <translation>Keine Fassungen.</translation>
    </message>
    <message>
        <source>No coaching plan yet.</source>
        <translation>Noch kein Coaching-Plan.</translation>
    </message>
    <message>
        <source>Create one with objectives, micro-goals, resources and the people who support it.</source>
        <translation>Erstellen Sie einen mit Zielen, Teilzielen, Unterstützung und den Personen, die ihn mittragen.</translation>
    </message>
    <message>
        <source>agreed by the employee on {day}</source>
        <translation>von der mitarbeitenden Person am {day} zugestimmt</translation>
    </message>
    <message>
        <source>employee did not agree ({day})</source>
        <translation>mitarbeitende Person hat nicht zugestimmt ({day})</translation>
    </message>
    <message>
        <source>Revision v{v}</source>
        <translation>Überarbeitung v{v}</translation>
    </message>
    <message>
        <source>Micro-goal missed</source>
        <translation>Teilziel verfehlt</translation>
    </message>
    <message>
        <source>Why was it missed?</source>
        <translation>Warum wurde es verfehlt?</translation>
    </message>
    <message>
        <source>Micro-goal not changed</source>
        <translation>Teilziel nicht geändert</translation>
    </message>
</context>
<context>
    <name>PolicyWindow</name>
    <message>
        <source>Escalation policy</source>
        <translation>Eskalationsrichtlinie</translation>
    </message>
    <message>
        <source>Policy version shown</source>
        <translation>Angezeigte Fassung der Richtlinie</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Fassung:</translation>
    </message>
    <message>
        <source>The policy in words</source>
        <translation>Die Richtlinie in Worten</translation>
    </message>
    <message>
        <source>&amp;Import a new version…</source>
        <translation>Neue Fassung &amp;importieren…</translation>
    </message>
    <message>
        <source>Choose an edited policy file (.toml); open cases keep the version they have</source>
        <translation>Wählen Sie eine bearbeitete Richtliniendatei (.toml); offene Fälle behalten ihre Fassung</translation>
    </message>
    <message>
        <source>Version %1 of this vault, stored %2 — %3</source>
        <translation>Fassung %1 dieses Tresors, gespeichert am %2 – %3</translation>
    </message>
    <message>
        <source> (in use for new cases)</source>
        <translation> (gilt für neue Fälle)</translation>
    </message>
    <message>
        <source>Import a policy file</source>
        <translation>Richtliniendatei importieren</translation>
    </message>
    <message>
        <source>Policy files (*.toml)</source>
        <translation>Richtliniendateien (*.toml)</translation>
    </message>
    <message>
        <source>%1 was not imported; nothing changed. Fix these and try again:</source>
        <translation>%1 wurde nicht importiert; nichts wurde geändert. Beheben Sie diese Punkte und versuchen Sie es noch einmal:</translation>
    </message>
    <message>
        <source>Imported “%1” %2. New cases use it; open cases keep theirs.</source>
        <translation>„%1“ %2 importiert. Neue Fälle verwenden sie; offene Fälle behalten ihre.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Sperren nach Inaktivität</translation>
    </message>
    <message>
        <source>No automatic backups</source>
        <translation>Keine automatischen Sicherungen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Conversation &amp;templates…</source>
        <translation>Gesprächs&amp;leitfäden…</translation>
    </message>
    <message>
        <source>The prompts shown beside each kind of conversation, kept in this vault</source>
        <translation>Die Leitfragen neben jeder Gesprächsart, in diesem Tresor gespeichert</translation>
    </message>
    <message>
        <source>No alarm</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> Min. vorher</translation>
    </message>
    <message>
        <source>Calendar reminder alarm</source>
        <translation>Erinnerung im Kalender</translation>
    </message>
    <message>
        <source>Add check-ins, stage deadlines and micro-goal due dates to calendar exports</source>
        <translation>Zwischengespräche, Fristen der Phasen und Fälligkeiten der Teilziele in Kalenderexporte aufnehmen</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>Applies the next time Casepath starts.</source>
        <translation>Gilt ab dem nächsten Start von Casepath.</translation>
    </message>
    <message>
        <source>Automatic backups in</source>
        <translation>Automatische Sicherungen in</translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Leitfäden</translation>
    </message>
    <message>
        <source>Casepath also locks on Ctrl+L and when the computer suspends. On lock and on close it makes a verified backup into the folder above, at most once a day, keeping the last 7 and one a month for 12 months. A new interface language applies the next time Casepath starts.</source>
        <translation>Casepath sperrt auch mit Strg+L und wenn der Computer in den Ruhezustand geht. Beim Sperren und Schließen legt es höchstens einmal täglich eine geprüfte Sicherung im obigen Ordner an und behält die letzten 7 sowie eine pro Monat für 12 Monate. Eine neue Sprache der Oberfläche gilt ab dem nächsten Start von Casepath.</translation>
    </message>
    <message>
        <source>Documents written in</source>
        <translation>Dokumente verfasst in</translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation>Ordner für automatische Sicherungen</translation>
    </message>
    <message>
        <source>Document language not changed</source>
        <translation>Dokumentsprache nicht geändert</translation>
    </message>
</context>
<context>
    <name>ProfileBar</name>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Save as profile</source>
        <translation>Als Profil speichern</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Add progress</source>
        <translation>Fortschritt erfassen</translation>
    </message>
    <message>
        <source>Objective:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Measured value:</source>
        <translation>Gemessener Wert:</translation>
    </message>
    <message>
        <source>optional, e.g. 34</source>
        <translation>optional, z. B. 34</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>Was geschah:</translation>
    </message>
    <message>
        <source>A milestone was achieved (shown as good news on the timeline)</source>
        <translation>Ein Meilenstein wurde erreicht (im Verlauf als gute Nachricht gezeigt)</translation>
    </message>
    <message>
        <source>Write the value as a number, e.g. 34 or 2.5.</source>
        <translation>Schreiben Sie den Wert als Zahl, z. B. 34 oder 2,5.</translation>
    </message>
</context>
<context>
    <name>RecommendationPanel</name>
    <message>
        <source>Recommendation from the indicators</source>
        <translation>Empfehlung aus den Indikatoren</translation>
    </message>
    <message>
        <source>No step is suggested.</source>
        <translation>Kein Schritt wird vorgeschlagen.</translation>
    </message>
    <message>
        <source>Indicators suggest the next step: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Die Indikatoren legen den nächsten Schritt nahe: &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>No move is suggested.</source>
        <translation>Kein Wechsel wird vorgeschlagen.</translation>
    </message>
    <message>
        <source>Consider the high-stakes track (safety or compliance).</source>
        <translation>Erwägen Sie den Verfahrensweg mit hoher Tragweite (Sicherheit oder Compliance).</translation>
    </message>
    <message>
        <source>A suggestion only: Casepath never moves a case by itself.</source>
        <translation>Nur ein Vorschlag: Casepath wechselt die Phase eines Falls nie von selbst.</translation>
    </message>
</context>
<context>
    <name>RecordDetails</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>%1 conversation on %2</source>
        <translation>Gespräch (%1) am %2</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Einschränkungen</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>Erwartungen</translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation>Ursachen</translation>
    </message>
    <message>
        <source>Cause notes</source>
        <translation>Anmerkungen zu den Ursachen</translation>
    </message>
    <message>
        <source>Agreed actions</source>
        <translation>Vereinbarte Maßnahmen</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 bei einem Soll von %2</translation>
    </message>
    <message>
        <source>Observed on</source>
        <translation>Beobachtet am</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Observation by %1</source>
        <translation>Beobachtung von %1</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Entschieden am</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Entschieden von</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Stage change</source>
        <translation>Phasenwechsel</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>Beantragt am</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Beantragt von</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Genehmigende Person</translation>
    </message>
    <message>
        <source>Extra business days</source>
        <translation>Zusätzliche Arbeitstage</translation>
    </message>
    <message>
        <source>Paused from</source>
        <translation>Pausiert ab</translation>
    </message>
    <message>
        <source>Paused until</source>
        <translation>Pausiert bis</translation>
    </message>
    <message>
        <source>Skipped stage</source>
        <translation>Übersprungene Phase</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source> … and {n} more.</source>
        <translation> … und {n} weitere.</translation>
    </message>
    <message>
        <source>Not saved yet: fix this problem. </source>
        <translation>Noch nicht gespeichert: Beheben Sie dieses Problem. </translation>
    </message>
    <message>
        <source>Not saved yet: fix {n} problems. </source>
        <translation>Noch nicht gespeichert: Beheben Sie {n} Probleme. </translation>
    </message>
    <message>
        <source>Still needed before saving: </source>
        <translation>Vor dem Speichern noch nötig: </translation>
    </message>
    <message>
        <source>Check: </source>
        <translation>Bitte prüfen: </translation>
    </message>
    <message>
        <source>Ready to save.</source>
        <translation>Bereit zum Speichern.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Not saved. </source>
        <translation>Nicht gespeichert. </translation>
    </message>
    <message>
        <source>Not saved: {why}</source>
        <translation>Nicht gespeichert: {why}</translation>
    </message>
</context>
<context>
    <name>RecordListSection</name>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf der Änderungen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Noch nichts erfasst.</translation>
    </message>
</context>
<context>
    <name>RedactionDialog</name>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>CSV spreadsheet</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <source>JSON data</source>
        <translation>JSON-Daten</translation>
    </message>
    <message>
        <source>Stage-change reasons</source>
        <translation>Begründungen der Phasenwechsel</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Exception details</source>
        <translation>Einzelheiten der Ausnahmen</translation>
    </message>
    <message>
        <source>Conversation summaries</source>
        <translation>Zusammenfassungen der Gespräche</translation>
    </message>
    <message>
        <source>Agreed actions</source>
        <translation>Vereinbarte Maßnahmen</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Beobachtungen</translation>
    </message>
    <message>
        <source>Indicator details</source>
        <translation>Einzelheiten der Indikatoren</translation>
    </message>
    <message>
        <source>Plan objectives</source>
        <translation>Ziele des Plans</translation>
    </message>
    <message>
        <source>Review summaries</source>
        <translation>Zusammenfassungen der Überprüfungen</translation>
    </message>
    <message>
        <source>Known names, e-mails, phone numbers and employee numbers in it are replaced.</source>
        <translation>Bekannte Namen, E-Mail-Adressen, Telefon- und Personalnummern darin werden ersetzt.</translation>
    </message>
    <message>
        <source>People appear only as pseudonyms (Employee A, Manager B). Before the file is written, the verifier reads it back and refuses it if it still names anyone in the vault; nothing is written then.</source>
        <translation>Personen erscheinen nur unter Pseudonymen (Mitarbeitende A, Führungskraft B). Bevor die Datei geschrieben wird, liest die Prüfung sie zurück und lehnt sie ab, wenn sie noch jemanden aus dem Tresor nennt; dann wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Redacted summary</source>
        <translation>Geschwärzte Zusammenfassung</translation>
    </message>
    <message>
        <source>Free text to include (left out unless ticked)</source>
        <translation>Aufzunehmende Freitexte (nur wenn angehakt)</translation>
    </message>
    <message>
        <source>Known names, e-mails, phone and employee numbers in them are replaced.</source>
        <translation>Bekannte Namen, E-Mail-Adressen, Telefon- und Personalnummern darin werden ersetzt.</translation>
    </message>
    <message>
        <source>Generalise departments</source>
        <translation>Abteilungen verallgemeinern</translation>
    </message>
    <message>
        <source>Show the department as “Withheld (generalised)”: in a small team the department alone can point to a person.</source>
        <translation>Die Abteilung als „Zurückgehalten (verallgemeinert)“ zeigen: In einem kleinen Team kann schon die Abteilung auf eine Person hinweisen.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
</context>
<context>
    <name>ReopenCaseDialog</name>
    <message>
        <source>Reopen case — %1</source>
        <translation>Fall wieder eröffnen – %1</translation>
    </message>
    <message>
        <source>Reopened by</source>
        <translation>Wieder eröffnet von</translation>
    </message>
    <message>
        <source>Why the case is reopened, e.g. an appeal or a correction (required)</source>
        <translation>Warum der Fall wieder eröffnet wird, z. B. ein Widerspruch oder eine Berichtigung (Pflichtangabe)</translation>
    </message>
    <message>
        <source>Closed on %1</source>
        <translation>Abgeschlossen am %1</translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> als %1</translation>
    </message>
    <message>
        <source>Reopening needs the approval of: %1.</source>
        <translation>Das Wiedereröffnen braucht die Genehmigung von: %1.</translation>
    </message>
    <message>
        <source>The policy asks for no approval to reopen a case.</source>
        <translation>Die Richtlinie verlangt zum Wiedereröffnen keine Genehmigung.</translation>
    </message>
    <message>
        <source>Earlier versions of every record stay readable in History.</source>
        <translation>Frühere Fassungen jedes Eintrags bleiben im Änderungsverlauf lesbar.</translation>
    </message>
    <message>
        <source>Reopen case</source>
        <translation>Fall wieder eröffnen</translation>
    </message>
    <message>
        <source>Reopened &amp;by:</source>
        <translation>Wieder eröffnet &amp;von:</translation>
    </message>
</context>
<context>
    <name>ResourceForm</name>
    <message>
        <source>Resource</source>
        <translation>Unterstützung</translation>
    </message>
    <message>
        <source>Resource:</source>
        <translation>Unterstützung:</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <source>e.g. Weekly one-to-one coaching</source>
        <translation>z. B. wöchentliches Einzelcoaching</translation>
    </message>
    <message>
        <source>Provided by:</source>
        <translation>Bereitgestellt von:</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>Bis:</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase</source>
        <translation>Die Passphrase der Sicherung</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Restore as</source>
        <translation>Wiederherstellen als</translation>
    </message>
    <message>
        <source>Check backup</source>
        <translation>Sicherung prüfen</translation>
    </message>
    <message>
        <source>Choose a backup and check it before restoring.</source>
        <translation>Wählen Sie eine Sicherung und prüfen Sie sie vor dem Wiederherstellen.</translation>
    </message>
    <message>
        <source>A vault already at that name is kept beside it, renamed with the date and time; nothing is overwritten. The restored vault opens with the backup&apos;s passphrase.</source>
        <translation>Ein Tresor, der schon unter diesem Namen liegt, bleibt daneben erhalten, umbenannt mit Datum und Uhrzeit; nichts wird überschrieben. Der wiederhergestellte Tresor öffnet sich mit der Passphrase der Sicherung.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Sicherung auswählen</translation>
    </message>
    <message>
        <source>Casepath vaults (*.casepath);;All files (*)</source>
        <translation>Casepath-Tresore (*.casepath);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Casepath vaults (*.casepath)</source>
        <translation>Casepath-Tresore (*.casepath)</translation>
    </message>
    <message>
        <source>Choose the backup file first.</source>
        <translation>Wählen Sie zuerst die Sicherungsdatei.</translation>
    </message>
    <message>
        <source>Type the backup&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase der Sicherung ein.</translation>
    </message>
    <message>
        <source>Choose where to restore the vault.</source>
        <translation>Wählen Sie, wohin der Tresor wiederhergestellt werden soll.</translation>
    </message>
    <message>
        <source>Checking every page and the audit chain…</source>
        <translation>Jede Seite und die Prüfkette werden geprüft…</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Die Sicherung wird geprüft…</translation>
    </message>
    <message>
        <source>The backup could not be checked ({0}).</source>
        <translation>Die Sicherung ließ sich nicht prüfen ({0}).</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restoring the vault…</source>
        <translation>Der Tresor wird wiederhergestellt…</translation>
    </message>
</context>
<context>
    <name>RetentionTableModel</name>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Mitarbeitende Person</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Abgeschlossen am</translation>
    </message>
    <message>
        <source>Kept for</source>
        <translation>Aufbewahrt für</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Fällig seit</translation>
    </message>
    <message>
        <source>No outcome</source>
        <translation>Kein Ergebnis</translation>
    </message>
</context>
<context>
    <name>RetentionWindow</name>
    <message>
        <source>Cases due for deletion</source>
        <translation>Zur Löschung fällige Fälle</translation>
    </message>
    <message>
        <source>Erase selected case…</source>
        <translation>Ausgewählten Fall löschen…</translation>
    </message>
    <message>
        <source>The policy keeps closed cases after closing for — %1.</source>
        <translation>Die Richtlinie bewahrt abgeschlossene Fälle nach dem Abschluss auf für – %1.</translation>
    </message>
    <message>
        <source>The policy sets no retention periods.</source>
        <translation>Die Richtlinie legt keine Aufbewahrungsfristen fest.</translation>
    </message>
    <message>
        <source>Kept under legal hold although due: %1.</source>
        <translation>Trotz Fälligkeit wegen rechtlicher Sperre aufbewahrt: %1.</translation>
    </message>
    <message>
        <source>No case is due for deletion today.</source>
        <translation>Heute ist kein Fall zur Löschung fällig.</translation>
    </message>
    <message>
        <source>Cases &amp;due for deletion…</source>
        <translation>Zur Löschung &amp;fällige Fälle…</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Schedule review</source>
        <translation>Überprüfung planen</translation>
    </message>
    <message>
        <source>Change review</source>
        <translation>Überprüfung ändern</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Uhrzeit:</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <source>Call link:</source>
        <translation>Link zum Anruf:</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Mitarbeitende Person:</translation>
    </message>
    <message>
        <source>Direct supervisor:</source>
        <translation>Direkte Führungskraft:</translation>
    </message>
    <message>
        <source>Neutral observer (required):</source>
        <translation>Neutrale beobachtende Person (Pflichtangabe):</translation>
    </message>
    <message>
        <source>Neutral observer:</source>
        <translation>Neutrale beobachtende Person:</translation>
    </message>
    <message>
        <source>HR representative:</source>
        <translation>HR-Vertretung:</translation>
    </message>
    <message>
        <source>Why it changes:</source>
        <translation>Warum sie sich ändert:</translation>
    </message>
    <message numerus="yes">
        <source>Repeat every %n working days (the policy&apos;s cadence) until</source>
        <translation>
            <numerusform>Jeden Arbeitstag wiederholen (Takt der Richtlinie) bis</numerusform>
            <numerusform>Alle %n Arbeitstage wiederholen (Takt der Richtlinie) bis</numerusform>
        </translation>
    </message>
    <message>
        <source>Series:</source>
        <translation>Serie:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who takes part</source>
        <translation>Wer teilnimmt</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>No review dates fall in that period.</source>
        <translation>In diesen Zeitraum fällt kein Überprüfungstermin.</translation>
    </message>
    <message numerus="yes">
        <source>%n reviews: %1</source>
        <translation>
            <numerusform>%n Überprüfung: %1</numerusform>
            <numerusform>%n Überprüfungen: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewOutcomeDialog</name>
    <message>
        <source>Record review outcome</source>
        <translation>Ergebnis der Überprüfung erfassen</translation>
    </message>
    <message>
        <source>Held on:</source>
        <translation>Stattgefunden am:</translation>
    </message>
    <message>
        <source>Who attended:</source>
        <translation>Anwesend:</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Einschätzung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>New target</source>
        <translation>Neuer Sollwert</translation>
    </message>
    <message>
        <source>New stretch</source>
        <translation>Neues Übertreffungsziel</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Assessment of %1</source>
        <translation>Einschätzung zu %1</translation>
    </message>
    <message>
        <source>Comment on %1</source>
        <translation>Kommentar zu %1</translation>
    </message>
    <message>
        <source>New target for %1</source>
        <translation>Neuer Sollwert für %1</translation>
    </message>
    <message>
        <source>New stretch target for %1</source>
        <translation>Neues Übertreffungsziel für %1</translation>
    </message>
    <message>
        <source>What the evidence shows</source>
        <translation>Was die Belege zeigen</translation>
    </message>
    <message>
        <source>There is no coaching plan to assess.</source>
        <translation>Es gibt keinen Coaching-Plan zu bewerten.</translation>
    </message>
    <message>
        <source>on</source>
        <translation>am</translation>
    </message>
    <message>
        <source>Next review date</source>
        <translation>Nächster Überprüfungstermin</translation>
    </message>
    <message>
        <source>The meeting</source>
        <translation>Der Termin</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>How the plan is going</source>
        <translation>Wie der Plan läuft</translation>
    </message>
    <message>
        <source>The employee agreed any refreshed targets</source>
        <translation>Die mitarbeitende Person hat neuen Sollwerten zugestimmt</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>The plan is working</source>
        <translation>Der Plan wirkt</translation>
    </message>
    <message>
        <source>Resources are right and were provided</source>
        <translation>Die Unterstützung passt und wurde bereitgestellt</translation>
    </message>
    <message>
        <source>Timelines are still realistic</source>
        <translation>Die Zeitpläne sind weiterhin realistisch</translation>
    </message>
    <message>
        <source>Assessment:</source>
        <translation>Einschätzung:</translation>
    </message>
    <message>
        <source>Role alignment:</source>
        <translation>Passung der Rolle:</translation>
    </message>
    <message>
        <source>Does the role fit? Adjustments?</source>
        <translation>Passt die Rolle? Anpassungen?</translation>
    </message>
    <message>
        <source>Workload:</source>
        <translation>Arbeitslast:</translation>
    </message>
    <message>
        <source>Is the workload manageable?</source>
        <translation>Ist die Arbeitslast zu bewältigen?</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Entscheidung:</translation>
    </message>
    <message>
        <source>Next review:</source>
        <translation>Nächste Überprüfung:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Zusammenfassung:</translation>
    </message>
    <message>
        <source>What was concluded, in a few sentences</source>
        <translation>Was festgehalten wurde, in wenigen Sätzen</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>Formal review %1 %2 (%3)</source>
        <translation>Förmliche Überprüfung %1 %2 (%3)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Attended: %1</source>
        <translation>Anwesend: %1</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Plan working: %1 · resources right: %2 · timelines right: %3</source>
        <translation>Plan wirkt: %1 · Unterstützung passt: %2 · Zeitpläne passen: %3</translation>
    </message>
    <message>
        <source>Role alignment:</source>
        <translation>Passung der Rolle:</translation>
    </message>
    <message>
        <source>Workload:</source>
        <translation>Arbeitslast:</translation>
    </message>
    <message>
        <source>Next review: %1</source>
        <translation>Nächste Überprüfung: %1</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Formal reviews</source>
        <translation>Förmliche Überprüfungen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Place or link</source>
        <translation>Ort oder Link</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Schedule review…</source>
        <translation>Überprüfung planen…</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>Ergebnis erfassen…</translation>
    </message>
    <message>
        <source>Cancel review…</source>
        <translation>Überprüfung absagen…</translation>
    </message>
    <message>
        <source>Export to calendar…</source>
        <translation>In den Kalender exportieren…</translation>
    </message>
    <message>
        <source>No review scheduled yet.</source>
        <translation>Noch keine Überprüfung geplant.</translation>
    </message>
    <message>
        <source>Cancel review</source>
        <translation>Überprüfung absagen</translation>
    </message>
    <message>
        <source>Why is the review cancelled?</source>
        <translation>Warum wird die Überprüfung abgesagt?</translation>
    </message>
    <message>
        <source>Review not cancelled</source>
        <translation>Überprüfung nicht abgesagt</translation>
    </message>
</context>
<context>
    <name>SatisfactionFields</name>
    <message>
        <source>Employee satisfaction:</source>
        <translation>Zufriedenheit der mitarbeitenden Person:</translation>
    </message>
    <message>
        <source>Manager satisfaction:</source>
        <translation>Zufriedenheit der Führungskraft:</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Nicht gefragt</translation>
    </message>
    <message>
        <source>1 (low)</source>
        <translation>1 (niedrig)</translation>
    </message>
    <message>
        <source>5 (high)</source>
        <translation>5 (hoch)</translation>
    </message>
    <message>
        <source>Optional. Only the distribution is ever reported.</source>
        <translation>Optional. Berichtet wird immer nur die Verteilung.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>StatusUpdateDialog</name>
    <message>
        <source>Status update</source>
        <translation>Statusmeldung</translation>
    </message>
    <message>
        <source>A short neutral status for the manager or sponsor: no notes. Casepath sends nothing; copy it into your own message or print it.</source>
        <translation>Ein kurzer, neutraler Stand für Führungskraft oder Auftraggeber, ohne Notizen. Casepath versendet nichts; kopieren Sie ihn in Ihre eigene Nachricht oder drucken Sie ihn.</translation>
    </message>
    <message>
        <source>Status update text</source>
        <translation>Text der Statusmeldung</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Print status update</source>
        <translation>Statusmeldung drucken</translation>
    </message>
    <message>
        <source>Save status update</source>
        <translation>Statusmeldung speichern</translation>
    </message>
    <message>
        <source>Status update not saved</source>
        <translation>Statusmeldung nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Conversation templates</source>
        <translation>Gesprächsleitfäden</translation>
    </message>
    <message>
        <source>Prompts for</source>
        <translation>Leitfragen für</translation>
    </message>
    <message>
        <source>Prompts, as TOML text</source>
        <translation>Leitfragen als TOML-Text</translation>
    </message>
    <message>
        <source>How the prompts read</source>
        <translation>So lesen sich die Leitfragen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Reset to the shipped set…</source>
        <translation>Auf den &amp;mitgelieferten Stand zurücksetzen…</translation>
    </message>
    <message>
        <source>Prompts &amp;for:</source>
        <translation>Leitfragen &amp;für:</translation>
    </message>
    <message>
        <source>Shown beside these conversations: {kinds}.</source>
        <translation>Angezeigt bei diesen Gesprächen: {kinds}.</translation>
    </message>
    <message>
        <source>Edited in this vault by {who} on {day}.</source>
        <translation>In diesem Tresor bearbeitet von {who} am {day}.</translation>
    </message>
    <message>
        <source>As shipped with Casepath.</source>
        <translation>Wie mit Casepath ausgeliefert.</translation>
    </message>
    <message>
        <source>{kind} prompts</source>
        <translation>Leitfragen: {kind}</translation>
    </message>
    <message>
        <source>Nothing changed: nothing to save.</source>
        <translation>Nichts geändert: nichts zu speichern.</translation>
    </message>
    <message>
        <source>Not saved. {why}</source>
        <translation>Nicht gespeichert. {why}</translation>
    </message>
    <message>
        <source>Reset to the shipped set</source>
        <translation>Auf den mitgelieferten Stand zurücksetzen</translation>
    </message>
    <message>
        <source>Replace this vault&apos;s {kind} prompts with the set shipped with Casepath? Your edits to them are lost.</source>
        <translation>Die Leitfragen „{kind}“ dieses Tresors durch den mit Casepath ausgelieferten Stand ersetzen? Ihre Änderungen daran gehen verloren.</translation>
    </message>
    <message>
        <source>Not reset. {why}</source>
        <translation>Nicht zurückgesetzt. {why}</translation>
    </message>
    <message>
        <source>Unsaved prompts</source>
        <translation>Nicht gespeicherte Leitfragen</translation>
    </message>
    <message>
        <source>Save the prompts you changed before closing?</source>
        <translation>Die geänderten Leitfragen vor dem Schließen speichern?</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;History of this record…</source>
        <translation>Änderungs&amp;verlauf dieses Eintrags…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackChangeDialog</name>
    <message>
        <source>Change track — %1</source>
        <translation>Verfahrensweg ändern – %1</translation>
    </message>
    <message>
        <source>New track</source>
        <translation>Neuer Verfahrensweg</translation>
    </message>
    <message>
        <source>Asked for by</source>
        <translation>Angefragt von</translation>
    </message>
    <message>
        <source>Why the case should move to this track (required)</source>
        <translation>Warum der Fall auf diesen Verfahrensweg wechseln soll (Pflichtangabe)</translation>
    </message>
    <message>
        <source>This change needs the approval of: %1.</source>
        <translation>Diese Änderung braucht die Genehmigung von: %1.</translation>
    </message>
    <message>
        <source>The policy asks for no approval of this change.</source>
        <translation>Die Richtlinie verlangt für diese Änderung keine Genehmigung.</translation>
    </message>
    <message>
        <source>Now on the %1 track. </source>
        <translation>Derzeit auf dem Verfahrensweg „%1“. </translation>
    </message>
    <message>
        <source>Change track</source>
        <translation>Verfahrensweg ändern</translation>
    </message>
    <message>
        <source>&amp;New track:</source>
        <translation>&amp;Neuer Verfahrensweg:</translation>
    </message>
    <message>
        <source>Asked for &amp;by:</source>
        <translation>&amp;Angefragt von:</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>This vault is damaged</source>
        <translation>Dieser Tresor ist beschädigt</translation>
    </message>
    <message>
        <source>This vault needs a newer Casepath</source>
        <translation>Dieser Tresor braucht ein neueres Casepath</translation>
    </message>
    <message>
        <source>This is not a Casepath vault</source>
        <translation>Das ist kein Casepath-Tresor</translation>
    </message>
    <message>
        <source>The vault cannot be found</source>
        <translation>Der Tresor ist nicht zu finden</translation>
    </message>
    <message>
        <source>That file already exists</source>
        <translation>Diese Datei gibt es schon</translation>
    </message>
    <message>
        <source>The vault could not be opened</source>
        <translation>Der Tresor ließ sich nicht öffnen</translation>
    </message>
    <message>
        <source>The vault cannot be read</source>
        <translation>Der Tresor lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>Casepath has no permission to read or write that file. Check its permissions.</source>
        <translation>Casepath darf diese Datei nicht lesen oder schreiben. Prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Casepath could not open the vault (%1). Nothing was changed.</source>
        <translation>Casepath konnte den Tresor nicht öffnen (%1). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Your cases are locked. Enter the passphrase to open the vault.</source>
        <translation>Ihre Fälle sind gesperrt. Geben Sie die Passphrase ein, um den Tresor zu öffnen.</translation>
    </message>
    <message>
        <source>Open another vault…</source>
        <translation>Anderen Tresor öffnen…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation>Die Feststelltaste ist aktiv.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Create a new vault…</source>
        <translation>Neuen Tresor anlegen…</translation>
    </message>
    <message>
        <source>This is a demo vault with invented people. Its passphrase is %1.</source>
        <translation>Dies ist ein Demo-Tresor mit erfundenen Personen. Seine Passphrase lautet %1.</translation>
    </message>
    <message>
        <source>Use the demo passphrase</source>
        <translation>Demo-Passphrase verwenden</translation>
    </message>
    <message>
        <source>No vault chosen yet. Open one or create a new vault.</source>
        <translation>Noch kein Tresor gewählt. Öffnen Sie einen oder legen Sie einen neuen an.</translation>
    </message>
    <message>
        <source>Create a new encrypted vault. Only this passphrase opens it.</source>
        <translation>Legen Sie einen neuen verschlüsselten Tresor an. Nur diese Passphrase öffnet ihn.</translation>
    </message>
    <message>
        <source>Enter the vault&apos;s passphrase.</source>
        <translation>Geben Sie die Passphrase des Tresors ein.</translation>
    </message>
    <message>
        <source>Unlocking the vault…</source>
        <translation>Der Tresor wird entsperrt…</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>Der Tresor wird angelegt…</translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation>Tresor öffnen</translation>
    </message>
    <message>
        <source>Casepath vaults (%1);;All files (*)</source>
        <translation>Casepath-Tresore (%1);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>Casepath user guide</source>
        <translation>Benutzerhandbuch von Casepath</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
</context>
<context>
    <name>VersionsTableModel</name>
    <message>
        <source>Version %1</source>
        <translation>Fassung %1</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (aktuell)</translation>
    </message>
    <message>
        <source> (before the import, from %1)</source>
        <translation> (vor dem Import, von %1)</translation>
    </message>
    <message>
        <source> (before the handover, from %1)</source>
        <translation> (vor der Übergabe, von %1)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
</TS>
