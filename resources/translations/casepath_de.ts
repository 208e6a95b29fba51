<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case for an employee (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close case view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Officers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Casepath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential performance-escalation cases, offline, in an encrypted vault.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdvanceStageDialog</name>
    <message>
        <source>The move to %1 is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case cannot move to %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already satisfied:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This move must be approved by the %1 and reviewed by the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This move must be approved by the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This move must be reviewed by the %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No approval is needed for this move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded sign-offs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skips: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advance stage — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now at %1 since %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the case moves now (required): the evidence and what was agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the role of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of who signed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: where the sign-off is documented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a sign-off given for this move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What the policy requires&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (forward)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the case: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy does not allow this move yet; see what is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the name of who moves the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reason for the move.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: outcome not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-goal: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaWindow</name>
    <message>
        <source>Agenda — Casepath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export reviews to calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n items, %1 overdue.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing due in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar not exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files — choose a record above to see or attach its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files attached to this conversation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files attached to this indicator (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files attached to this observation (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program is set up to open %1 files. Use &apos;Save as…&apos; and open the copy yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the case? The audit log keeps a record that it was attached and removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionListModel</name>
    <message>
        <source>Press Enter or double-click to open the case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Needs attention today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — first %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here today.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>No verified backup yet (File → Back up now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified backup: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged vault, open read-only: {0}. Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up and checking the copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified backup written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed ({0}); nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The vault that was there is kept as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Casepath locks now: unlock the restored vault with its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalibrationWindow</name>
    <message>
        <source>Calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilot since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formal escalations per 100 employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time in stage, 90th percentile (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No group differs by more than the policy factor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;libration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open and closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, references, conversations and notes (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags need the escalation policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>employee no. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases to show. Clear the search or choose other filters to see more, or &lt;a href=&apos;new-case&apos;&gt;start a new case&lt;/a&gt; (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>Select a line above to see it in full.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Filter by flag with the filter bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Advance stage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request exception…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;track…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status &amp;update…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short neutral status for the manager or sponsor, to copy or print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+W in the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked. Unlock the vault to see this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators and observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions and exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationsTab</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation prompts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <source>Where to keep the new vault file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New vault file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody can recover a forgotten passphrase: keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to keep the vault file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That file already exists; Casepath never overwrites a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name: every change in the vault records who made it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casepath vaults (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import employees from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All or nothing: import only if every row is valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the valid rows and skip the rows with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt; (nothing is written until you press Import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Problems&lt;/b&gt; (row, column, problem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What would change&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n columns</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a file and the columns first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problems in the file: fix them, or choose to import only the valid rows.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No row can be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %n employees…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1252 (Western)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1250 (Central European)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1251 (Cyrillic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1253 (Greek)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1257 (Baltic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipe |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the file (stops if unclear)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day/month/year (31/12/2024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month/day/year (12/31/2024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year/month/day (2024/12/31)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecideExceptionDialog</name>
    <message>
        <source>Decide exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of who decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose the role —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Record a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of who decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision in one or two sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why: the evidence and the alternatives considered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rationale:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request exception…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve or decline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exception to the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-offs of stage moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-off requested or recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documentation packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pack generated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a documentation pack for a meeting from the case as it stands now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a summary of the case that names nobody (verified before writing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save protected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy that opens only with a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack not built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong (%1); nothing was stored. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pages of %1 %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save protected pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save documentation pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (protected: send the password separately)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack {0} saved to {1}{2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password to open the PDF (at least 8 characters; send it separately from the file):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export redacted summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redacted-summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the redacted summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted summary written to %1. The verifier checked it: it names no one in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary refused by the verifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong (%1); nothing was written. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV spreadsheets (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <source>Edit employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As in the HR system, e.g. E10442</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type a department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line manager&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2021-04-01 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.org (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployeeTableModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployeesWindow</name>
    <message>
        <source>Employees — Casepath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by name, number, department, manager … (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New employee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n employees</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n employees</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual / expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New indicator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No indicator recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New observation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No observation recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Adds business days to the current stage&apos;s deadline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the clock between two dates (e.g. a leave of absence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allows the case to skip a later stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any other agreed departure from the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the path should change for this case (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> business days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to record a request awaiting approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose the approver&apos;s role —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage to skip:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver&apos;s role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under this policy, an exception of the kind “%1” is approved by: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This policy names nobody who may approve an exception of the kind “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Casepath</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportProblemModel</name>
    <message>
        <source>(warning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorDialog</name>
    <message>
        <source>%1 must be a number, e.g. 40 or 12.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct an indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is measured, e.g. &apos;Tickets closed per week&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target, e.g. 40</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured, e.g. 28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. tickets/week, %, complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the figure comes from, e.g. &apos;Service desk report&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was observed (required when there are no figures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety and compliance indicators may call for the high-stakes track.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Something went wrong (%1). Everything saved before this moment is safe in the vault. If it happens again, lock the vault (Ctrl+L), reopen it, and report the error type shown here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>newCaseAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>findAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lockAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refreshAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closeTabAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preferencesAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>officersAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quitAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>employeesAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>casesAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agendaAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 (Ctrl+W closes this view)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-read from the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cases shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlocked · locks after %n min idle (Ctrl+L locks now)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name or employee number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;employee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the employee here if they are not in the list yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no employees yet: add one with New employee…, or import them (View → Employees).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the employee from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the starting stage.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPackDialog</name>
    <message>
        <source>New documentation pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and place from the case (the next scheduled review, else today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room, building or call link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line on the pack&apos;s first page: up to {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build pack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <source>Record an observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct an observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who observed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. peer, customer, team lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was observed: context, causes, constraints — facts, not judgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author&apos;s role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficerTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficersDialog</name>
    <message>
        <source>Officers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officers are never deleted: the audit trail names them. A retired officer can no longer act in this vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the officer to retire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackPreview</name>
    <message>
        <source>previousPageAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nextPageAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zoomOutAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zoomInAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wholePageAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fitWidthAction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>previousPageButton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nextPageButton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zoomOutButton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zoomInButton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fitWidthButton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wholePageButton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackPrinting</name>
    <message>
        <source>Print documentation pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The print queue %1 did not take the job (%2). Check the printer and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The print queue %1 refused the job%2. Check the printer and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be started. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No automatic backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies the next time Casepath starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backups in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casepath also locks on Ctrl+L and when the computer suspends. On lock and on close it makes a verified backup into the folder above, at most once a day, keeping the last 7 and one a month for 12 months. A new interface language applies the next time Casepath starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileBar</name>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommendationPanel</name>
    <message>
        <source>Recommendation from the indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No step is suggested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators suggest the next step: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No move is suggested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consider the high-stakes track (safety or compliance).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A suggestion only: Casepath never moves a case by itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDetails</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 conversation on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cause notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra business days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped stage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordListSection</name>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RedactionDialog</name>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage-change reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan objectives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known names, e-mails, phone numbers and employee numbers in it are replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People appear only as pseudonyms (Employee A, Manager B). Before the file is written, the verifier reads it back and refuses it if it still names anyone in the vault; nothing is written then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text to include (left out unless ticked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known names, e-mails, phone and employee numbers in them are replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generalise departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the department as “Withheld (generalised)”: in a small team the department alone can point to a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup&apos;s passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup and check it before restoring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vault already at that name is kept beside it, renamed with the date and time; nothing is overwritten. The restored vault opens with the backup&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casepath vaults (*.casepath);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casepath vaults (*.casepath)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the backup&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to restore the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every page and the audit chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be checked ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the vault…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Schedule review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct supervisor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral observer (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral observer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR representative:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it changes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Repeat every %n working days (the policy&apos;s cadence) until</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No review dates fall in that period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reviews: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewOutcomeDialog</name>
    <message>
        <source>Record review outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who attended:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New stretch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no coaching plan to assess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objectives:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The employee agreed any refreshed targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan is working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources are right and were provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timelines are still realistic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role alignment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does the role fit? Adjustments?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is the workload manageable?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was concluded, in a few sentences</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <source>Formal review %1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan working: %1 · resources right: %2 · timelines right: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role alignment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formal reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place or link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review scheduled yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the review cancelled?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review not cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar entries are titled &apos;Formal review – C-…&apos; and carry no names or case content, because calendars are shared and synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the employee&apos;s name, participants and the agenda</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SatisfactionFields</name>
    <message>
        <source>employeeSatisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>managerSatisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee satisfaction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager satisfaction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 (low)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 (high)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. Only the distribution is ever reported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusUpdateDialog</name>
    <message>
        <source>Status update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short neutral status for the manager or sponsor: no notes. Casepath sends nothing; copy it into your own message or print it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print status update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status update not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackChangeDialog</name>
    <message>
        <source>Change track — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked for by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the case should move to this track (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change needs the approval of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy asks for no approval of this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now on the %1 track. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New track:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked for &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approved by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver&apos;s r&amp;ole:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still missing: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>This vault is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vault needs a newer Casepath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Casepath vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault cannot be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That file already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casepath has no permission to read or write that file. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casepath could not open the vault (%1). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your cases are locked. Enter the passphrase to open the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a demo vault with invented people. Its passphrase is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the demo passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vault chosen yet. Open one or create a new vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new encrypted vault. Only this passphrase opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the vault&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casepath vaults (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>Casepath user guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
