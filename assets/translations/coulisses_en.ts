<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/capture/session.py" line="408"/>
        <source>Done: %n still(s) taken.</source>
        <translation>
            <numerusform>Done: %n still taken.</numerusform>
            <numerusform>Done: %n stills taken.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/capture/session.py" line="415"/>
        <source>%n still(s) kept</source>
        <translation>
            <numerusform>%n still kept</numerusform>
            <numerusform>%n stills kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/capture/session.py" line="416"/>
        <source>%n idle one(s) skipped</source>
        <translation>
            <numerusform>%n idle one skipped</numerusform>
            <numerusform>%n idle ones skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/capture/session.py" line="418"/>
        <source>%n outage(s) recorded ({time} in all).</source>
        <translation>
            <numerusform>%n outage recorded ({time} in all).</numerusform>
            <numerusform>%n outages recorded ({time} in all).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/capture.py" line="75"/>
        <source>%n kept</source>
        <translation>
            <numerusform>%n kept</numerusform>
            <numerusform>%n kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/capture.py" line="75"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/capture.py" line="78"/>
        <source>%n missed (source lost, disk full or too short an interval)</source>
        <translation>
            <numerusform>%n missed (source lost, disk full or too short an interval)</numerusform>
            <numerusform>%n missed (source lost, disk full or too short an interval)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/export.py" line="131"/>
        <source>  {folder}/ (%n image(s), made in {took})</source>
        <translation>
            <numerusform>  {folder}/ (%n image, made in {took})</numerusform>
            <numerusform>  {folder}/ (%n images, made in {took})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/timeline.py" line="103"/>
        <source>%n still(s) from {start} to {end}</source>
        <translation>
            <numerusform>%n still from {start} to {end}</numerusform>
            <numerusform>%n stills from {start} to {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/timeline.py" line="110"/>
        <source>%n still(s)</source>
        <translation>
            <numerusform>%n still</numerusform>
            <numerusform>%n stills</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="147"/>
        <source>%n struggle(s)</source>
        <translation>
            <numerusform>%n struggle</numerusform>
            <numerusform>%n struggles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="150"/>
        <source>%n fix(es)</source>
        <translation>
            <numerusform>%n fix</numerusform>
            <numerusform>%n fixes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="153"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="156"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="159"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="441"/>
        <source>Only %n still(s) to show in {seconds:g} s, so each stays on screen a while; a shorter reel will feel livelier.</source>
        <translation>
            <numerusform>Only %n still to show in {seconds:g} s, so it stays on screen a while; a shorter reel will feel livelier.</numerusform>
            <numerusform>Only %n stills to show in {seconds:g} s, so each stays on screen a while; a shorter reel will feel livelier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="37"/>
        <source>Stopped — %n still(s) kept</source>
        <translation>
            <numerusform>Stopped — %n still kept</numerusform>
            <numerusform>Stopped — %n stills kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="63"/>
        <source>Recording — idle, skipping stills where nothing moves (%n kept)</source>
        <translation>
            <numerusform>Recording — idle, skipping stills where nothing moves (%n kept)</numerusform>
            <numerusform>Recording — idle, skipping stills where nothing moves (%n kept)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="66"/>
        <source>Recording — %n still(s), next in {s} s</source>
        <translation>
            <numerusform>Recording — %n still, next in {s} s</numerusform>
            <numerusform>Recording — %n stills, next in {s} s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="68"/>
        <source>Recording — %n still(s)</source>
        <translation>
            <numerusform>Recording — %n still</numerusform>
            <numerusform>Recording — %n stills</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/stills.py" line="269"/>
        <location filename="../../desktop/coulisses/ui/pieces/model.py" line="64"/>
        <source>%Ln still(s)</source>
        <translation>
            <numerusform>%Ln still</numerusform>
            <numerusform>%Ln stills</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/gap_kinds.py" line="58"/>
        <source>paused %n time(s): disk full</source>
        <translation>
            <numerusform>paused %n time: disk full</numerusform>
            <numerusform>paused %n times: disk full</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/gap_kinds.py" line="59"/>
        <source>paused %n time(s): write error</source>
        <translation>
            <numerusform>paused %n time: write error</numerusform>
            <numerusform>paused %n times: write error</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/gap_kinds.py" line="60"/>
        <source>camera or stream lost %n time(s)</source>
        <translation>
            <numerusform>camera or stream lost %n time</numerusform>
            <numerusform>camera or stream lost %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/journal/moving.py" line="526"/>
        <source>it failed %n time(s)</source>
        <translation>
            <numerusform>it failed %n time</numerusform>
            <numerusform>it failed %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/crash_dialog.py" line="97"/>
        <source>This happened %n time(s).</source>
        <translation>
            <numerusform>This happened once.</numerusform>
            <numerusform>This happened %n times.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="542"/>
        <source>Signed with your Content Credentials (%n file(s)): anyone can check it was captured at your bench.</source>
        <translation>
            <numerusform>Signed with your Content Credentials (%n file): anyone can check it was captured at your bench.</numerusform>
            <numerusform>Signed with your Content Credentials (%n files): anyone can check it was captured at your bench.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="49"/>
        <source>%n photo(s) imported</source>
        <translation>
            <numerusform>%n photo imported</numerusform>
            <numerusform>%n photos imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="51"/>
        <source>%n already there</source>
        <translation>
            <numerusform>%n already there</numerusform>
            <numerusform>%n already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="53"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="55"/>
        <source>%n without a time in their EXIF (file date used)</source>
        <translation>
            <numerusform>%n without a time in its EXIF (file date used)</numerusform>
            <numerusform>%n without a time in their EXIF (file date used)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="534"/>
        <source>Show these %n stills</source>
        <translation>
            <numerusform>Show this still</numerusform>
            <numerusform>Show these %n stills</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="536"/>
        <source>Hide these %n stills</source>
        <translation>
            <numerusform>Hide this still</numerusform>
            <numerusform>Hide these %n stills</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="684"/>
        <source>Move %n still(s) to:</source>
        <translation>
            <numerusform>Move %n still to:</numerusform>
            <numerusform>Move %n stills to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="691"/>
        <source>Move %n still(s) to another piece</source>
        <translation>
            <numerusform>Move %n still to another piece</numerusform>
            <numerusform>Move %n stills to another piece</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WatchRow</name>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/watch.py" line="223"/>
        <source>Watching — last photo at {time} (%n imported)</source>
        <translation>
            <numerusform>Watching — last photo at {time} (%n imported)</numerusform>
            <numerusform>Watching — last photo at {time} (%n imported)</numerusform>
        </translation>
    </message>
</context>
</TS>
