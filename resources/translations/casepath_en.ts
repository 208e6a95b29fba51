<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgendaWindow</name>
    <message numerus="yes">
        <source>%n items, %1 overdue.</source>
        <translation>
            <numerusform>%n item, %1 overdue.</numerusform>
            <numerusform>%n items, %1 overdue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message numerus="yes">
        <source>%1: %n rows</source>
        <translation>
            <numerusform>%1: %n row</numerusform>
            <numerusform>%1: %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n columns</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems in the file: fix them, or choose to import only the valid rows.</source>
        <translation>
            <numerusform>%n problem in the file: fix it, or choose to import only the valid rows.</numerusform>
            <numerusform>%n problems in the file: fix them, or choose to import only the valid rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n employees…</source>
        <translation>
            <numerusform>Importing %n employee…</numerusform>
            <numerusform>Importing %n employees…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message numerus="yes">
        <source>%n pages of %1 %2.</source>
        <translation>
            <numerusform>%n page of %1 %2.</numerusform>
            <numerusform>%n pages of %1 %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmployeesWindow</name>
    <message numerus="yes">
        <source>%n employees</source>
        <translation>
            <numerusform>%n employee</numerusform>
            <numerusform>%n employees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n employees</source>
        <translation>
            <numerusform>%1 of %n employee</numerusform>
            <numerusform>%1 of %n employees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attached files</source>
        <translation>
            <numerusform>%n attached file</numerusform>
            <numerusform>%n attached files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n cases shown</source>
        <translation>
            <numerusform>%n case shown</numerusform>
            <numerusform>%n cases shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlocked · locks after %n min idle (Ctrl+L locks now)</source>
        <translation>
            <numerusform>Unlocked · locks after %n min idle (Ctrl+L locks now)</numerusform>
            <numerusform>Unlocked · locks after %n min idle (Ctrl+L locks now)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message numerus="yes">
        <source>Repeat every %n working days (the policy&apos;s cadence) until</source>
        <translation>
            <numerusform>Repeat every working day (the policy&apos;s cadence) until</numerusform>
            <numerusform>Repeat every %n working days (the policy&apos;s cadence) until</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reviews: %1</source>
        <translation>
            <numerusform>%n review: %1</numerusform>
            <numerusform>%n reviews: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
</TS>
