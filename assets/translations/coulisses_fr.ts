<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="coulisses/ui/main_window.py" line="37" />
      <source>Journal: {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/ui/main_window.py" line="34" />
      <source>No pieces yet. Create one with: coulisses piece new "Vase bleu #3"</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/ui/main_window.py" line="27" />
      <source>Your pieces</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>coulisses</name>
    <message>
      <location filename="coulisses/capture/camera.py" line="78" />
      <source>Camera {index} cannot be opened: check that it is plugged in and that no other program is using it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/camera.py" line="126" />
      <source>Camera {index} is not open.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/camera.py" line="92" />
      <source>Camera {index} opened but gives no picture.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/camera.py" line="120" />
      <source>Camera {index} stopped sending pictures.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/cli.py" line="70" />
      <source>Capture your process, failures included, and turn it into an honest reel.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="26" />
      <source>Created piece {name!r}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/videofile.py" line="84" />
      <source>End of the video file {path}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/mark.py" line="29" />
      <source>Marked {kind} at {where}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="45" />
      <source>No pieces yet. Create one with: coulisses piece new "Vase bleu #3"</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/screen.py" line="29" />
      <source>No screen number {n} to capture.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/sources.py" line="110" />
      <source>No source given: use a camera number (0), a stream URL, a video file or 'screen'.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/pacing.py" line="343" />
      <source>Only {n} stills to show in {seconds} s, so each stays on screen a while; a shorter reel will feel livelier.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/sources.py" line="138" />
      <source>Source {source} not found: use a camera number (0), a stream URL, a video file or 'screen'.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/termui.py" line="91" />
      <source>Stopping… (Ctrl-C again to force)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/export/captions.py" line="259" />
      <source>The caption “{caption}” had nothing drawable left and is not shown in the video.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/export/captions.py" line="254" />
      <source>The caption “{caption}” has characters the caption font cannot draw ({chars}); they were left out of the video.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/export/captions.py" line="265" />
      <source>The caption “{caption}” is too long for the screen and was shortened with “…”; the full text is in the subtitle files and the post text.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/export/cards.py" line="54" />
      <source>The finished piece</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/pacing.py" line="249" />
      <source>The frame rate must be a positive whole number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="25" />
      <source>The name was tidied to {name!r}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/pacing.py" line="251" />
      <source>The reel length must be a positive number of seconds.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/screen.py" line="34" />
      <source>The screen cannot be captured here ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/screen.py" line="44" />
      <source>The screen cannot be captured right now ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/screen.py" line="40" />
      <source>The screen capture is not open.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/pacing.py" line="205" />
      <source>The still of a {kind} moment is missing; the nearest still is shown instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/stream.py" line="85" />
      <source>The stream {url} cannot be opened: check the address, that the camera or phone is on and streaming, and that this computer can reach it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/stream.py" line="142" />
      <source>The stream {url} is not open.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/stream.py" line="148" />
      <source>The stream {url} stopped sending pictures.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/videofile.py" line="61" />
      <source>The video file {path} cannot be opened (not a video, or damaged).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/videofile.py" line="80" />
      <source>The video file {path} is not open.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/pacing.py" line="239" />
      <source>This reel needs at least {seconds} s to show every caption long enough to read, so choose {seconds} s or more (or shorten some captions).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/camera.py" line="62" />
      <source>camera {index}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="47" />
      <source>captures</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="14" />
      <source>create a piece and print its id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="12" />
      <source>create or list pieces</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/mark.py" line="12" />
      <source>flag a moment: struggle, fix, milestone, result, note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/timeline.py" line="40" />
      <source>from {start} to {end}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="47" />
      <source>id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="17" />
      <source>id, name, captures, moments, last activity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/cli.py" line="116" />
      <source>interrupted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/photo_decode.py" line="110" />
      <source>it cannot be read ({error})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/photo_decode.py" line="108" />
      <source>it is a folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/photo_decode.py" line="119" />
      <source>it is not a photo Coulisses can read (JPEG, PNG or HEIC)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/exif_time.py" line="171" />
      <source>its EXIF capture time {value!r} is not a valid date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/exif_time.py" line="132" />
      <source>its EXIF data is damaged</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/exif_time.py" line="131" />
      <source>its EXIF data is damaged ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/photo_decode.py" line="196" />
      <source>its image data is damaged ({detail})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/cli.py" line="72" />
      <source>journal folder (default: $COULISSES_HOME, else your user data folder)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="47" />
      <source>last activity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="18" />
      <source>machine-readable output</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="47" />
      <source>moments</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/pieces.py" line="47" />
      <source>name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/exif_time.py" line="107" />
      <source>no TIFF header</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/cli.py" line="99" />
      <source>no command given (see `coulisses --help`)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/cli.py" line="75" />
      <source>show debug messages</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/exif_time.py" line="125" />
      <source>the capture-details table points outside the data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/photo_decode.py" line="115" />
      <source>the file is empty</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/photo_decode.py" line="190" />
      <source>the file is truncated (an unfinished copy?)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/photo_decode.py" line="122" />
      <source>the image is too large to import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/photo_decode.py" line="142" />
      <source>the image is too large to import ({w}×{h} pixels)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/mark.py" line="20" />
      <source>the moment lasts until this still</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/screen.py" line="16" />
      <source>the screen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/timeline.py" line="14" />
      <source>the story of a piece: stills, moments, effort</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/exif_time.py" line="116" />
      <source>the tag table is cut short or points outside the data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/photo_decode.py" line="194" />
      <source>there is not enough memory to decode it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/mark.py" line="17" />
      <source>which still (default: the last one)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/effort.py" line="130" />
      <source>{h} h {m:02d}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/cli.py" line="66" />
      <source>{message} (see `{prog} --help`)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/effort.py" line="132" />
      <source>{m} min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/commands/timeline.py" line="38" />
      <source>{n} stills</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/sources.py" line="137" />
      <source>{source} is a folder, not a video file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/capture/sources.py" line="129" />
      <source>{source} is not a source Coulisses can read (use rtsp://, http:// or https://).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/effort.py" line="133" />
      <source>{s} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/termui.py" line="74" />
      <source>{time} left</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/effort.py" line="144" />
      <source>{time} of work</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/cli.py" line="112" />
      <source>{what} ({path})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="coulisses/timeline/pacing.py" line="256" />
      <source>“{name}” has no stills yet; capture or import some before making a reel.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
