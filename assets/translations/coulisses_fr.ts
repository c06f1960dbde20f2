<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="224"/>
        <source>  {path}: {reason}</source>
        <translation>  {path}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/timeline.py" line="103"/>
        <source>%n still(s) from {start} to {end}</source>
        <translation>
            <numerusform>%n photo du {start} au {end}</numerusform>
            <numerusform>%n photos du {start} au {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="281"/>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="110"/>
        <source>%n still(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="114"/>
        <source>Session {n}: {start} – {end} · {worked} · {stills} · {lost}</source>
        <translation>Séance {n}&#xa0;: {start} – {end} · {worked} · {stills} · {lost}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="117"/>
        <source>Session {n}: {start} – {end} · {worked} · {stills}</source>
        <translation>Séance {n}&#xa0;: {start} – {end} · {worked} · {stills}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="144"/>
        <source>(no caption)</source>
        <translation>(sans légende)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="104"/>
        <source>--count must be at least 1</source>
        <translation>--count doit valoir au moins 1</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="55"/>
        <source>--disk-margin: {error}</source>
        <translation>--disk-margin&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="19"/>
        <source>{text!r} is not a size (try 200MB or 1GB)</source>
        <translation>{text!r} n’est pas une taille (essayez 200MB ou 1GB)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="74"/>
        <source>{kept} · {skipped} · last still {last} · {source}: {status}</source>
        <translation>{kept} · {skipped} · dernière photo {last} · {source}&#xa0;: {status}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/capture.py" line="75"/>
        <source>%n kept</source>
        <translation>
            <numerusform>%n gardée</numerusform>
            <numerusform>%n gardées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/capture.py" line="75"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n ignorée</numerusform>
            <numerusform>%n ignorées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/capture.py" line="78"/>
        <source>%n missed (source lost, disk full or too short an interval)</source>
        <translation>
            <numerusform>%n manquée (source perdue, disque plein ou intervalle trop court)</numerusform>
            <numerusform>%n manquées (source perdue, disque plein ou intervalle trop court)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="96"/>
        <source>--every: {error}</source>
        <translation>--every&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="102"/>
        <source>--for: {error}</source>
        <translation>--for&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="48"/>
        <source>--session-gap must be longer than zero, e.g. 30m</source>
        <translation>--session-gap doit être supérieur à zéro, p. ex. 30m</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="46"/>
        <source>--session-gap: {error}</source>
        <translation>--session-gap&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="96"/>
        <source>--settle and --every only apply with --watch</source>
        <translation>--settle et --every ne s’appliquent qu’avec --watch</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="106"/>
        <source>--speed must be positive</source>
        <translation>--speed doit être positif</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="115"/>
        <source>--speed only applies to a video file source</source>
        <translation>--speed ne s’applique qu’à une source fichier vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="102"/>
        <source>--watch needs folders, and {path} is not a folder</source>
        <translation>--watch demande des dossiers, et {path} n’en est pas un</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="188"/>
        <location filename="../../desktop/coulisses/export/carousel.py" line="201"/>
        <source>A carousel still could not be read and was left out: {problem}</source>
        <translation>Une photo du carrousel est illisible et a été laissée de côté&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="250"/>
        <source>Before and after: {name} as it began, on {first}, beside the finished piece, on {when}</source>
        <translation>Avant et après&#xa0;: {name} à ses débuts, le {first}, à côté de la pièce terminée, le {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="253"/>
        <source>Before and after: {name} as it began, on {first}, beside its latest still, on {when}</source>
        <translation>Avant et après&#xa0;: {name} à ses débuts, le {first}, à côté de sa dernière photo, le {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="262"/>
        <source>The latest still of {name}, on {when}: {caption}</source>
        <translation>La dernière photo de {name}, le {when}&#xa0;: {caption}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="264"/>
        <source>The latest still of {name}, on {when}</source>
        <translation>La dernière photo de {name}, le {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/frame_files.py" line="30"/>
        <source>A frame could not be encoded as JPEG.</source>
        <translation>Une image n’a pas pu être encodée en JPEG.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/editing.py" line="143"/>
        <source>A span must end at or after the still its moment is on; pick a later still.</source>
        <translation>Un moment ne peut pas s’étendre jusqu’à une photo antérieure à la sienne&#x202f;; choisissez une photo plus tardive.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/composer.py" line="221"/>
        <source>A still could not be read and the previous one is shown in its place: {problem}</source>
        <translation>Une photo est illisible, la précédente est montrée à sa place&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="696"/>
        <source>A still could not be written ({error}): capture is paused and tries again in a few seconds. Nothing already captured is lost.</source>
        <translation>Impossible d’enregistrer une photo ({error})&#xa0;: la prise de vue est en pause et réessaiera dans quelques secondes. Rien de ce qui a déjà été capturé n’est perdu.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/frame_files.py" line="72"/>
        <source>A still held on screen repeats the same picture; those repeats are hard links to one file, so they take no extra space (a program that edits one of them in place changes its repeats too).</source>
        <translation>Une photo qui reste à l’écran répète la même image&#x202f;; ces répétitions sont des liens physiques vers un seul fichier et ne prennent donc pas de place en plus (un programme qui modifie l’une d’elles sur place modifie aussi ses répétitions).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/visible.py" line="37"/>
        <source>A {kind} moment is on hidden stills, so the reel leaves it out; show its still or move the moment to keep it.</source>
        <translation>Un moment «&#xa0;{kind}&#xa0;» est sur des photos masquées, la vidéo le laisse donc de côté&#x202f;; réaffichez sa photo ou déplacez le moment pour le garder.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="206"/>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="291"/>
        <source>Already in the piece, left as they are: {n}.</source>
        <translation>Déjà dans la pièce, laissées telles quelles&#xa0;: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="299"/>
        <location filename="../../desktop/coulisses/export/exporter.py" line="251"/>
        <source>Alt text for the carousel images:</source>
        <translation>Texte alternatif des images du carrousel&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/post_text.py" line="25"/>
        <source>{platform} accepts the captions as a file: upload {file} as subtitles in YouTube Studio, so viewers can turn them on, translate them and search them.</source>
        <translation>{platform} accepte les légendes sous forme de fichier&#xa0;: envoyez {file} comme sous-titres dans YouTube Studio, pour que le public puisse les afficher, les traduire et les retrouver par la recherche.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/post_text.py" line="30"/>
        <source>{platform} has no cover upload: the reel opens on its cover for half a second, so choose its first frame as the thumbnail.</source>
        <translation>{platform} ne permet pas d’envoyer une couverture&#xa0;: la vidéo s’ouvre sur sa couverture pendant une demi-seconde, choisissez donc sa première image comme miniature.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/post_text.py" line="51"/>
        <source>Behind the scenes: {effort}</source>
        <translation>Dans les coulisses&#xa0;: {effort}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="37"/>
        <source>Stopped — %n still(s) kept</source>
        <translation>
            <numerusform>Arrêté — %n photo gardée</numerusform>
            <numerusform>Arrêté — %n photos gardées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="48"/>
        <source>Stream lost since {time} — retrying; check the phone and the Wi-Fi</source>
        <translation>Flux perdu depuis {time} — nouvel essai en cours&#x202f;; vérifiez le téléphone et le Wi-Fi</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="51"/>
        <source>Camera lost since {time} — retrying</source>
        <translation>Caméra perdue depuis {time} — nouvel essai en cours</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="63"/>
        <source>Recording — idle, skipping stills where nothing moves (%n kept)</source>
        <translation>
            <numerusform>Enregistrement — rien ne bouge, photos ignorées (%n gardée)</numerusform>
            <numerusform>Enregistrement — rien ne bouge, photos ignorées (%n gardées)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="66"/>
        <source>Recording — %n still(s), next in {s} s</source>
        <translation>
            <numerusform>Enregistrement — %n photo, prochaine dans {s} s</numerusform>
            <numerusform>Enregistrement — %n photos, prochaine dans {s} s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="68"/>
        <source>Recording — %n still(s)</source>
        <translation>
            <numerusform>Enregistrement — %n photo</numerusform>
            <numerusform>Enregistrement — %n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/camera.py" line="78"/>
        <source>Camera {index} cannot be opened: check that it is plugged in and that no other program is using it.</source>
        <translation>Impossible d’ouvrir la caméra {index}&#xa0;: vérifiez qu’elle est branchée et qu’aucun autre programme ne l’utilise.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/camera.py" line="130"/>
        <source>Camera {index} is not open.</source>
        <translation>La caméra {index} n’est pas ouverte.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/camera.py" line="92"/>
        <source>Camera {index} opened but gives no picture.</source>
        <translation>La caméra {index} est ouverte mais ne donne aucune image.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/camera.py" line="121"/>
        <location filename="../../desktop/coulisses/capture/camera.py" line="134"/>
        <source>Camera {index} stopped sending pictures.</source>
        <translation>La caméra {index} n’envoie plus d’images.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="57"/>
        <source>Cannot write to the journal — paused; retrying</source>
        <translation>Écriture impossible dans le journal — en pause&#x202f;; nouvel essai en cours</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="41"/>
        <source>Caption changed.</source>
        <translation>Légende modifiée.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="715"/>
        <source>Capture resumed.</source>
        <translation>Prise de vue reprise.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/cli.py" line="100"/>
        <source>Capture your process, failures included, and turn it into an honest reel.</source>
        <translation>Capturez votre travail, ratés compris, et faites-en une vidéo honnête.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="338"/>
        <source>Capturing from {source}.</source>
        <translation>Prise de vue depuis {source}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="133"/>
        <source>Capturing {piece!r} from {source}, one still every {every}. Ctrl-C stops.</source>
        <translation>Prise de vue de {piece!r} depuis {source}, une photo toutes les {every}. Ctrl-C pour arrêter.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="186"/>
        <source>Check that the folder (or the disk holding it) is available, or choose another journal folder.</source>
        <translation>Vérifiez que le dossier (ou le disque qui le contient) est accessible, ou choisissez un autre dossier pour le journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/bench.py" line="60"/>
        <source>Choose a source first: a camera, a phone URL, a video file or the screen.</source>
        <translation>Choisissez d’abord une source&#xa0;: une caméra, l’adresse d’un téléphone, un fichier vidéo ou l’écran.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/bench.py" line="100"/>
        <source>Flag {kind}</source>
        <translation>Marquer comme {kind}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/bench.py" line="109"/>
        <source>Edit caption</source>
        <translation>Modifier la légende</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="211"/>
        <location filename="../../desktop/coulisses/ui/app.py" line="243"/>
        <source>Choose another folder…</source>
        <translation>Choisir un autre dossier…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="189"/>
        <source>Choose another journal folder, or update Coulisses if it says so.</source>
        <translation>Choisissez un autre dossier pour le journal, ou mettez Coulisses à jour si le message le demande.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="224"/>
        <source>Choose the journal folder</source>
        <translation>Choisir le dossier du journal</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="237"/>
        <source>The journal folder {path} is not there; if it is on a disk that is not plugged in (a USB drive, a network folder), plug it in and try again.</source>
        <translation>Le dossier du journal {path} est introuvable&#x202f;; s’il se trouve sur un disque qui n’est pas branché (clé USB, dossier réseau), branchez-le et réessayez.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="240"/>
        <source>Or choose another folder, or create an empty journal folder at that place on this computer.</source>
        <translation>Ou choisissez un autre dossier, ou créez un dossier de journal vide à cet endroit, sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="242"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="245"/>
        <source>Create it</source>
        <translation>Le créer</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="184"/>
        <source>Coulisses cannot open the journal folder {path} ({reason}).</source>
        <translation>Coulisses ne peut pas ouvrir le dossier du journal {path} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="188"/>
        <source>Coulisses cannot open the journal: {reason}</source>
        <translation>Coulisses ne peut pas ouvrir le journal&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="170"/>
        <source>Coulisses is not allowed to write in the journal folder {path}.</source>
        <translation>Coulisses n’a pas le droit d’écrire dans le dossier du journal {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/bench.py" line="57"/>
        <location filename="../../desktop/coulisses/ui/main_window/bench.py" line="82"/>
        <source>Create or choose a piece first: every still belongs to one.</source>
        <translation>Créez ou choisissez d’abord une pièce&#xa0;: chaque photo appartient à une pièce.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="50"/>
        <source>Created piece {name!r}.</source>
        <translation>Pièce {name!r} créée.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/demo.py" line="54"/>
        <source>Created the demo piece {name!r} ({id}) in {home}.</source>
        <translation>Pièce de démonstration {name!r} ({id}) créée dans {home}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/demo.py" line="51"/>
        <source>Demo cancelled; the stills drawn so far stay in the journal.</source>
        <translation>Démo annulée&#x202f;; les photos déjà dessinées restent dans le journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/demo.py" line="48"/>
        <source>Demo piece</source>
        <translation>Pièce de démonstration</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="55"/>
        <source>Disk nearly full — paused; free some space and it resumes by itself</source>
        <translation>Disque presque plein — en pause&#x202f;; libérez de la place et la prise de vue reprendra d’elle-même</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="95"/>
        <source>Dismissed: {id} will not be suggested again.</source>
        <translation>Écartée&#xa0;: la photo {id} ne sera plus suggérée.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="409"/>
        <source>Done: the capture time is over.</source>
        <translation>Terminé&#xa0;: la durée de prise de vue est écoulée.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="410"/>
        <source>Done: {source} has ended.</source>
        <translation>Terminé&#xa0;: fin de {source}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="126"/>
        <source>Effort: {figures}</source>
        <translation>Effort&#xa0;: {figures}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="105"/>
        <source>Effort: {line}</source>
        <translation>Effort&#xa0;: {line}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/videofile.py" line="87"/>
        <location filename="../../desktop/coulisses/capture/videofile.py" line="102"/>
        <location filename="../../desktop/coulisses/capture/videofile.py" line="106"/>
        <source>End of the video file {path}.</source>
        <translation>Fin du fichier vidéo {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="251"/>
        <source>This reel needs at least {seconds:g} s to show every caption long enough to read, so choose {seconds:g} s or more (or shorten some captions).</source>
        <translation>Cette vidéo doit durer au moins {seconds:g}&#xa0;s pour laisser le temps de lire chaque légende&#xa0;: choisissez {seconds:g}&#xa0;s ou plus (ou raccourcissez quelques légendes).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="317"/>
        <source>A before/after is side or wipe, at the end or the start.</source>
        <translation>Un avant/après est côte à côte (side) ou en volet (wipe), à la fin (end) ou au début (start).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="334"/>
        <source>Every still of “{name}” is hidden; show some before making a reel.</source>
        <translation>Toutes les photos de «&#xa0;{name}&#xa0;» sont masquées&#x202f;; réaffichez-en quelques-unes avant de faire une vidéo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="434"/>
        <source>The piece has a single still to show, so its before and after are the same picture.</source>
        <translation>La pièce n’a qu’une photo à montrer, son avant et son après sont donc la même image.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="441"/>
        <source>Only %n still(s) to show in {seconds:g} s, so each stays on screen a while; a shorter reel will feel livelier.</source>
        <translation>
            <numerusform>Seulement %n photo à montrer en {seconds:g} s, elle reste donc longtemps à l’écran&#x202f;; une vidéo plus courte sera plus vivante.</numerusform>
            <numerusform>Seulement %n photos à montrer en {seconds:g} s, chacune reste donc un moment à l’écran&#x202f;; une vidéo plus courte sera plus vivante.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="108"/>
        <source>Export cancelled, nothing written.</source>
        <translation>Export annulé, rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="99"/>
        <source>Exporting</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/demo.py" line="62"/>
        <source>Exporting to {folder} (choose another folder with --out).</source>
        <translation>Export vers {folder} (choisissez un autre dossier avec --out).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/composer.py" line="122"/>
        <source>Frame {n} is outside the reel (0 to {last}).</source>
        <translation>L’image {n} est hors de la vidéo (0 à {last}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="179"/>
        <source>Free some space on it, or choose another journal folder.</source>
        <translation>Libérez-y de la place, ou choisissez un autre dossier pour le journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="171"/>
        <source>Give your user write permission on that folder, or choose another journal folder.</source>
        <translation>Donnez à votre compte le droit d’écrire dans ce dossier, ou choisissez un autre dossier pour le journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="231"/>
        <source>Import interrupted before {left} more photos; run the same command again to finish (nothing will be imported twice).</source>
        <translation>Import interrompu, {left} photos restaient à importer&#x202f;; relancez la même commande pour terminer (rien ne sera importé deux fois).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="166"/>
        <source>Imported {name} (taken {when}).</source>
        <translation>Importé&#xa0;: {name} (prise de vue du {when}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="163"/>
        <source>Imported {name} (taken {when}, from the file date: no EXIF time).</source>
        <translation>Importé&#xa0;: {name} ({when}, date du fichier faute d’heure EXIF).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="55"/>
        <source>import photos, videos or folders, placed at the time they were taken</source>
        <translation>importer des photos, des vidéos ou des dossiers, placés à l’heure de leur prise</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="56"/>
        <source>Import photos (JPEG, PNG, HEIC), videos (MP4, MOV) and folders of them into a piece. Each photo is placed at its EXIF capture time, else at its file date; a video becomes a still every few seconds of real time, from the time the file says it was filmed. The original files are never changed.</source>
        <translation>Importer des photos (JPEG, PNG, HEIC), des vidéos (MP4, MOV) et des dossiers qui en contiennent dans une pièce. Chaque photo est placée à son heure de prise EXIF, sinon à la date du fichier&#x202f;; une vidéo devient une photo toutes les quelques secondes de temps réel, à partir de l’heure de tournage que donne le fichier. Les fichiers d’origine ne sont jamais modifiés.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="62"/>
        <source>photo or video files, or folders</source>
        <translation>fichiers photo ou vidéo, ou dossiers</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="65"/>
        <source>videos are time-lapses sped up X times (60: a minute of work in a second of video)</source>
        <translation>les vidéos sont des time-lapses accélérés X fois (60&#xa0;: une minute de travail par seconde de vidéo)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="67"/>
        <source>the video is a time-lapse of DURATION of real work (e.g. 2h)</source>
        <translation>la vidéo est un time-lapse de DURÉE de travail réel (par ex. 2h)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="69"/>
        <source>videos: one still every DURATION of real time (default: the capture interval of your preferences)</source>
        <translation>vidéos&#xa0;: une photo toutes les DURÉE de temps réel (par défaut&#xa0;: l’intervalle de capture de vos préférences)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="72"/>
        <source>videos: keep every still, even when nothing moved</source>
        <translation>vidéos&#xa0;: garder toutes les photos, même quand rien n’a bougé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="110"/>
        <source>--real-duration is the real time one video covers, and {n} videos were given: import them one at a time, or use --speedup</source>
        <translation>--real-duration est le temps réel que couvre une vidéo, et {n} vidéos ont été données&#xa0;: importez-les une par une, ou utilisez --speedup</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="119"/>
        <source>Importing</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="150"/>
        <source>--speedup must be a number above zero (60: sixty times faster)</source>
        <translation>--speedup doit être un nombre supérieur à zéro (60&#xa0;: soixante fois plus vite)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="213"/>
        <source>Other files left alone (not photos or videos): {n}.</source>
        <translation>Autres fichiers laissés de côté (ni photos ni vidéos)&#xa0;: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="216"/>
        <source>Clips of Live Photos left alone (their photo is the shot): {n}.</source>
        <translation>Clips de Live Photos laissés de côté (leur photo est la prise de vue)&#xa0;: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="234"/>
        <source>Import interrupted before the end of the videos; run the same command again to finish (nothing will be imported twice).</source>
        <translation>Import interrompu avant la fin des vidéos&#x202f;; relancez la même commande pour terminer (rien ne sera importé deux fois).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="245"/>
        <source>a time-lapse at {speed}x, from the capture rate the file gives ({fps:.3g} frames a second)</source>
        <translation>un time-lapse accéléré {speed} fois, d’après la cadence de prise que donne le fichier ({fps:.3g} images par seconde)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="248"/>
        <source>a time-lapse at {speed}x, as --speedup says</source>
        <translation>un time-lapse accéléré {speed} fois, comme le dit --speedup</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="250"/>
        <source>a time-lapse of {real} of real time, as --real-duration says ({speed}x)</source>
        <translation>un time-lapse de {real} de temps réel, comme le dit --real-duration ({speed} fois)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="253"/>
        <source>filmed in real time (the file gives no capture rate; it has no sound, as a phone&apos;s time-lapses: if it is one, give --speedup or --real-duration)</source>
        <translation>filmée en temps réel (le fichier ne donne pas de cadence de prise&#x202f;; elle n’a pas de son, comme les time-lapses de téléphone&#xa0;: si c’en est un, donnez --speedup ou --real-duration)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="255"/>
        <source>filmed in real time (the file gives no capture rate; for a time-lapse, give --speedup or --real-duration)</source>
        <translation>filmée en temps réel (le fichier ne donne pas de cadence de prise&#x202f;; pour un time-lapse, donnez --speedup ou --real-duration)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="263"/>
        <source>the filming date the file gives (Apple&apos;s creation date, with its time zone)</source>
        <translation>la date de tournage que donne le fichier (la date de création d’Apple, avec son fuseau horaire)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="265"/>
        <source>the creation time the file gives</source>
        <translation>l’heure de création que donne le fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="266"/>
        <source>none in the file, so the file date was used, as the end of filming</source>
        <translation>aucune dans le fichier, la date du fichier a donc été prise comme fin du tournage</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="273"/>
        <source>{name}: already in the piece (the same file was imported before), left as it is.</source>
        <translation>{name}&#xa0;: déjà dans la pièce (le même fichier a été importé avant), laissée telle quelle.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="280"/>
        <source>{name}: {stills} imported into {piece!r} from {video} of video.</source>
        <translation>{name}&#xa0;: {stills} importées dans {piece!r} depuis {video} de vidéo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="284"/>
        <source>Filmed from {start} to {end}: {pace}.</source>
        <translation>Filmée du {start} au {end}&#xa0;: {pace}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="287"/>
        <source>Its time: {source}.</source>
        <translation>Son heure&#xa0;: {source}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="289"/>
        <source>Idle stills skipped (nothing moved): {n}.</source>
        <translation>Photos immobiles ignorées (rien n’a bougé)&#xa0;: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="293"/>
        <source>{path}: {lost}; the stills before it were imported.</source>
        <translation>{path}&#xa0;: {lost}&#x202f;; les photos d’avant ont été importées.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="60"/>
        <source>Looking for suggested moments</source>
        <translation>Recherche de moments suggérés</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/mark.py" line="36"/>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="91"/>
        <source>Marked {kind} at {where}.</source>
        <translation>Moment «&#xa0;{kind}&#xa0;» marqué à {where}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="61"/>
        <source>Moment deleted.</source>
        <translation>Moment supprimé.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="124"/>
        <source>Moments without a still:</source>
        <translation>Moments sans photo&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="176"/>
        <source>Move that file away, or choose another journal folder.</source>
        <translation>Déplacez ce fichier ailleurs, ou choisissez un autre dossier pour le journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="50"/>
        <source>Moved to {where}.</source>
        <translation>Moment déplacé sur la photo {where}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="208"/>
        <source>No EXIF capture time, so the file date was used ({n}): {names}</source>
        <translation>Pas d’heure de prise de vue EXIF, la date du fichier a été utilisée ({n})&#xa0;: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="191"/>
        <source>Taken by this watch before, left alone even if moved, hidden or deleted since: {n}.</source>
        <translation>Déjà prises par cette surveillance, laissées de côté même si elles ont été déplacées, masquées ou supprimées depuis&#xa0;: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="115"/>
        <source>No pieces yet. Create one with: coulisses piece new &quot;Vase bleu #3&quot;</source>
        <translation>Aucune pièce pour l’instant. Créez-en une avec&#xa0;: coulisses piece new &quot;Vase bleu #3&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/screen.py" line="38"/>
        <source>No screen number {n} to capture.</source>
        <translation>Il n’y a pas d’écran numéro {n} à capturer.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/controller.py" line="122"/>
        <location filename="../../desktop/coulisses/ui/capture/controller.py" line="124"/>
        <source>No still was taken: {reason}</source>
        <translation>Aucune photo n’a été prise&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="52"/>
        <source>REF is a still id as `coulisses timeline PIECE --json` prints it (20261123T140501.250Z), a number (1 is the first still; `stills PIECE list` numbers them), first or last, a time (2026-11-23T14:05 is every still of that minute, 2026-11-23 of that day; local time unless it ends in Z or +01:00), or a range FIRST..LAST of any of these, both ends included (..LAST from the first still, FIRST.. to the last one, .. for all).</source>
        <translation>REF est un identifiant de photo tel que `coulisses timeline PIECE --json` l’affiche (20261123T140501.250Z), un numéro (1 est la première photo&#x202f;; `stills PIECE list` les numérote), first ou last, une heure (2026-11-23T14:05 vaut toutes les photos de cette minute, 2026-11-23 de ce jour&#x202f;; heure locale sauf si elle finit par Z ou +01:00), ou un intervalle PREMIÈRE..DERNIÈRE de ces repères, bornes comprises (..DERNIÈRE depuis la première photo, PREMIÈRE.. jusqu’à la dernière, .. pour toutes).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="62"/>
        <source>list, hide, show or move stills, by id, number, time or range</source>
        <translation>lister, masquer, réafficher ou déplacer des photos, par identifiant, numéro, heure ou intervalle</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="63"/>
        <source>Hidden stills stay on disk and in the timeline but never reach an export; moved stills take their moments along.</source>
        <translation>Les photos masquées restent sur le disque et dans la chronologie mais n’entrent dans aucun export&#x202f;; les photos déplacées emportent leurs moments.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="67"/>
        <source>number, id, time and hidden state of each still</source>
        <translation>numéro, identifiant, heure et état masqué de chaque photo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="70"/>
        <source>only these stills (default: all)</source>
        <translation>seulement ces photos (par défaut&#xa0;: toutes)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="71"/>
        <source>only the hidden stills</source>
        <translation>seulement les photos masquées</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="72"/>
        <source>leave stills out of every export</source>
        <translation>écarter des photos de tous les exports</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="74"/>
        <source>let hidden stills into exports again</source>
        <translation>remettre des photos masquées dans les exports</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="77"/>
        <source>move stills, with their moments, to another piece</source>
        <translation>déplacer des photos, avec leurs moments, vers une autre pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="79"/>
        <source>A move is all or nothing: Ctrl-C lets it finish; a second Ctrl-C stops at once, and the next `coulisses` command or the app finishes the move.</source>
        <translation>Un déplacement se fait en entier ou pas du tout&#xa0;: Ctrl-C le laisse finir&#x202f;; un second Ctrl-C arrête tout de suite, et la prochaine commande `coulisses` ou l’application termine le déplacement.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="82"/>
        <source>the stills</source>
        <translation>les photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="84"/>
        <source>the piece that receives them (id or name)</source>
        <translation>la pièce qui les reçoit (identifiant ou nom)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="127"/>
        <source>{ref!r} ends before it starts (write the earlier still first)</source>
        <translation>{ref!r} finit avant de commencer (écrivez d’abord la photo la plus ancienne)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="139"/>
        <source>{ref!r} matches no still: {piece!r} has no stills yet</source>
        <translation>{ref!r} ne désigne aucune photo&#xa0;: {piece!r} n’a pas encore de photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="141"/>
        <source>{ref!r} matches no still of {piece!r}; `coulisses stills {id} list` numbers them with their ids and times</source>
        <translation>{ref!r} ne désigne aucune photo de {piece!r}&#x202f;; `coulisses stills {id} list` les numérote avec leurs identifiants et leurs heures</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="166"/>
        <source>there is no still number {n} in {piece!r}, which has {count} (1 is the first)</source>
        <translation>il n’y a pas de photo numéro {n} dans {piece!r}, qui en a {count} (1 est la première)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="173"/>
        <source>there is no still {id} in {piece!r}; `coulisses timeline {piece_id} --json` lists the ids</source>
        <translation>il n’y a pas de photo {id} dans {piece!r}&#x202f;; `coulisses timeline {piece_id} --json` liste les identifiants</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="179"/>
        <source>{ref!r} is not a still: give a still id, a number, first, last, a time like 2026-11-23T14:05, or a range FIRST..LAST</source>
        <translation>{ref!r} ne désigne pas une photo&#xa0;: donnez un identifiant de photo, un numéro, first, last, une heure comme 2026-11-23T14:05, ou un intervalle PREMIÈRE..DERNIÈRE</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="243"/>
        <source>{option} takes one still, and {ref!r} matches {n}; give its id or its number</source>
        <translation>{option} prend une seule photo, et {ref!r} en désigne {n}&#x202f;; donnez son identifiant ou son numéro</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="296"/>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="101"/>
        <source>No stills yet.</source>
        <translation>Aucune photo pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="299"/>
        <source>hidden</source>
        <translation>masquée</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="318"/>
        <source>Already hidden: {stills} of {piece!r}; nothing changed.</source>
        <translation>Déjà masquées&#xa0;: {stills} de {piece!r}&#x202f;; rien n’a changé.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="321"/>
        <source>Hid {stills} of {piece!r} ({n} already hidden).</source>
        <translation>Masquées&#xa0;: {stills} de {piece!r} (déjà masquées&#xa0;: {n}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="324"/>
        <source>Hid {stills} of {piece!r}.</source>
        <translation>Masquées&#xa0;: {stills} de {piece!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="327"/>
        <source>Every still of {piece!r} is hidden now: an export has nothing to show until you show some again.</source>
        <translation>Toutes les photos de {piece!r} sont masquées&#xa0;: un export n’a rien à montrer tant que vous n’en réaffichez pas.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="331"/>
        <source>The cover still is hidden now, so the export picks another cover.</source>
        <translation>La photo de couverture est maintenant masquée&#xa0;: l’export choisit une autre couverture.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="345"/>
        <source>Not hidden: {stills} of {piece!r}; nothing changed.</source>
        <translation>Pas masquées&#xa0;: {stills} de {piece!r}&#x202f;; rien n’a changé.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="348"/>
        <source>Showed {stills} of {piece!r} again ({n} already visible).</source>
        <translation>Réaffichées&#xa0;: {stills} de {piece!r} (déjà visibles&#xa0;: {n}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="351"/>
        <source>Showed {stills} of {piece!r} again.</source>
        <translation>Réaffichées&#xa0;: {stills} de {piece!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="370"/>
        <source>--to names {piece!r}, where these stills already are; name another piece</source>
        <translation>--to désigne {piece!r}, où sont déjà ces photos&#x202f;; nommez une autre pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="391"/>
        <source>Moved {stills} from {piece!r} to {to!r}.</source>
        <translation>Déplacées de {piece!r} vers {to!r}&#xa0;: {stills}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="393"/>
        <source>Moments that went with them: {n}.</source>
        <translation>Moments partis avec elles&#xa0;: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="396"/>
        <source>Renamed because {to!r} already had a still at the same instant: {n} (`--json` maps old ids to new ones).</source>
        <translation>Renommées parce que {to!r} avait déjà une photo au même instant&#xa0;: {n} (`--json` donne pour chacune l’ancien et le nouvel identifiant).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="399"/>
        <source>The cover of {piece!r} went with them; its cover is chosen automatically again.</source>
        <translation>La couverture de {piece!r} est partie avec elles&#x202f;; sa couverture est de nouveau choisie automatiquement.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="402"/>
        <source>Moments whose span reached the moved stills now end before them: {n}.</source>
        <translation>Moments qui allaient jusqu’aux photos déplacées et finissent maintenant avant elles&#xa0;: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="405"/>
        <source>Left in {piece!r}: {n}; each stays where it was.</source>
        <translation>Restées dans {piece!r}&#xa0;: {n}&#x202f;; chacune reste où elle était.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="408"/>
        <source>{id}: {why}</source>
        <translation>{id}&#xa0;: {why}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="440"/>
        <source>Moving to {piece!r}</source>
        <translation>Déplacement vers {piece!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="451"/>
        <source>A move is all or nothing: it finishes first (Ctrl-C again stops at once, and the next command finishes it).</source>
        <translation>Un déplacement se fait en entier ou pas du tout&#xa0;: il finit d’abord (un second Ctrl-C arrête tout de suite, et la prochaine commande le termine).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="458"/>
        <source>Stopped in the middle of the move; no still is lost: the next `coulisses` command, or the app, finishes it.</source>
        <translation>Arrêté au milieu du déplacement&#x202f;; aucune photo n’est perdue&#xa0;: la prochaine commande `coulisses`, ou l’application, le termine.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="466"/>
        <source>The stills could not be moved: {error}</source>
        <translation>Les photos n’ont pas pu être déplacées&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="76"/>
        <source>No suggested moments: nothing changed suddenly and stayed changed.</source>
        <translation>Aucun moment suggéré&#xa0;: rien n’a changé brusquement et durablement.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/pipeline.py" line="119"/>
        <source>None of the piece&apos;s stills could be read, so there is nothing to show; check the journal folder ({problem}).</source>
        <translation>Aucune photo de la pièce n’a pu être lue, il n’y a donc rien à montrer&#x202f;; vérifiez le dossier du journal ({problem}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="44"/>
        <source>Opening the camera…</source>
        <translation>Ouverture de la caméra…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="321"/>
        <source>Opening {source}…</source>
        <translation>Ouverture de {source}…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="199"/>
        <source>Photos imported into {piece!r}: {n}.</source>
        <translation>Photos importées dans {piece!r}&#xa0;: {n}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="110"/>
        <source>Piece: {name}</source>
        <translation>Pièce&#xa0;: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="26"/>
        <source>their signature does not match them (they were altered after signing)</source>
        <translation>leur signature ne leur correspond pas (ils ont été modifiés après la signature)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="28"/>
        <source>they carry no signature</source>
        <translation>ils ne portent aucune signature</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="29"/>
        <source>a part of them was altered after signing</source>
        <translation>une partie a été modifiée après la signature</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="30"/>
        <source>the certificate that signed them was revoked</source>
        <translation>le certificat qui les a signés a été révoqué</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="31"/>
        <source>the certificate that signed them is not valid</source>
        <translation>le certificat qui les a signés n’est pas valide</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="32"/>
        <source>the certificate that signed them has expired</source>
        <translation>le certificat qui les a signés a expiré</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="40"/>
        <source>(technical code: {code})</source>
        <translation>(code technique&#xa0;: {code})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="53"/>
        <source>{file} was changed after it was signed: its image or video data no longer match the signed fingerprint.</source>
        <translation>{file} a été modifié après sa signature&#xa0;: ses images ou sa vidéo ne correspondent plus à l’empreinte signée.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="57"/>
        <source>{file} is not a kind of file that carries Content Credentials (Coulisses signs MP4 reels and JPEG images).</source>
        <translation>{file} n’est pas un type de fichier qui porte des Content Credentials (Coulisses signe les vidéos MP4 et les images JPEG).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="59"/>
        <source>{file} could not be read as a signed image or video; it may be damaged or cut short.</source>
        <translation>{file} n’a pas pu être lu comme une image ou une vidéo signée&#x202f;; il est peut-être abîmé ou tronqué.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="67"/>
        <source>{file}: the Content Credentials are invalid: {reasons}.</source>
        <translation>{file}&#xa0;: les Content Credentials ne sont pas valides&#xa0;: {reasons}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="69"/>
        <source>{file}: the Content Credentials are invalid.</source>
        <translation>{file}&#xa0;: les Content Credentials ne sont pas valides.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="86"/>
        <source>Signed by {name}.</source>
        <translation>Signé par {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="88"/>
        <source>Who signed is checked: the root certificate you gave vouches for {name}.</source>
        <translation>Signataire vérifié&#xa0;: le certificat racine que vous avez indiqué confirme qu’il s’agit bien de «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="91"/>
        <source>Who signed is not checked: choose the maker&apos;s published root certificate above to check it.</source>
        <translation>Signataire non vérifié&#xa0;: choisissez ci-dessus le certificat racine publié par l’auteur pour le vérifier.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="94"/>
        <source>Who signed is not checked: pass the maker&apos;s published root certificate with --trust to check it.</source>
        <translation>Signataire non vérifié&#xa0;: indiquez avec --trust le certificat racine publié par l’auteur pour le vérifier.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="100"/>
        <source>Made with {app} from real captures, not generated.</source>
        <translation>Créé avec {app} à partir de vraies prises de vue, rien de généré.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="102"/>
        <source>Made with {app}.</source>
        <translation>Créé avec {app}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="104"/>
        <source>Made from real captures, not generated.</source>
        <translation>Créé à partir de vraies prises de vue, rien de généré.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="106"/>
        <source>Signed on {when} (by the signer&apos;s clock).</source>
        <translation>Signé le {when} (selon l’horloge du signataire).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="113"/>
        <source>Captured from {first} to {last}.</source>
        <translation>Prises de vue du {first} au {last}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="117"/>
        <source>Stills: {captured} captured, {shown} shown in this export, {hidden} hidden by the maker.</source>
        <translation>Photos&#xa0;: {captured} prises, {shown} montrées dans cet export, {hidden} masquées par l’auteur.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="121"/>
        <source>Stills: {shown} shown in this export.</source>
        <translation>Photos&#xa0;: {shown} montrées dans cet export.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="139"/>
        <source>Before/after: still {before} beside still {after}.</source>
        <translation>Avant/après&#xa0;: photo {before} à côté de la photo {after}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="143"/>
        <source>Ghost: still {n} shown faintly over the first stills.</source>
        <translation>Fantôme&#xa0;: photo {n} montrée en transparence sur les premières photos.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="222"/>
        <source>Skipped ({n}):</source>
        <translation>Ignorés ({n})&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="170"/>
        <source>Skipped {path}: {reason}.</source>
        <translation>{path} ignoré&#xa0;: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="206"/>
        <source>Your preferences in {path} cannot be read ({problem}), so the defaults are used for now; the file was left as it is.</source>
        <translation>Vos préférences dans {path} ne peuvent pas être lues ({problem}), donc les réglages par défaut sont utilisés pour l’instant&#x202f;; le fichier a été laissé tel quel.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="215"/>
        <source>Your preferences file {path} is damaged, so the defaults are used; it could not be moved aside ({problem}), so remove it or fix it by hand.</source>
        <translation>Votre fichier de préférences {path} est abîmé, donc les réglages par défaut sont utilisés&#x202f;; il n’a pas pu être mis de côté ({problem})&#xa0;: supprimez-le ou corrigez-le à la main.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="235"/>
        <source>Some preferences were not valid and are back to their defaults: {names}.</source>
        <translation>Certaines préférences n’étaient pas valides et ont repris leur valeur par défaut&#xa0;: {names}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/bench.py" line="73"/>
        <source>Start recording to snap a still.</source>
        <translation>Démarrez la prise de vue pour prendre une photo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="35"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="141"/>
        <source>Stopped watching. New photos imported: {imported}; skipped: {skipped}.</source>
        <translation>Surveillance arrêtée. Nouvelles photos importées&#xa0;: {imported}&#x202f;; ignorées&#xa0;: {skipped}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="411"/>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/termui.py" line="87"/>
        <source>Stopping… (Ctrl-C again to force)</source>
        <translation>Arrêt en cours… (Ctrl-C à nouveau pour forcer)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="129"/>
        <source>Suggested moments (accept with `coulisses suggestions PIECE accept ID`, or dismiss):</source>
        <translation>Moments suggérés (acceptez-les avec `coulisses suggestions PIECE accept ID`, ou écartez-les)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="75"/>
        <source>Suggestions skipped (interrupted); the rest of the timeline is complete.</source>
        <translation>Suggestions abandonnées (interruption)&#x202f;; le reste de la chronologie est complet.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/identity.py" line="164"/>
        <source>The Content Credentials key cannot be kept in {folder} ({problem}); check that this folder is writable.</source>
        <translation>La clé des Content Credentials ne peut pas être gardée dans {folder} ({problem})&#x202f;; vérifiez qu’on peut écrire dans ce dossier.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/identity.py" line="170"/>
        <source>Your reels are signed as {name!r}: to sign with your name or your studio&apos;s, set it in Preferences (Signed as) or run: coulisses identity --name &quot;Your name&quot;</source>
        <translation>Vos vidéos sont signées au nom de {name!r}&#xa0;: pour signer à votre nom ou à celui de votre atelier, indiquez-le dans les Préférences (Signé au nom de) ou lancez&#xa0;: coulisses identity --name &quot;Votre nom&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/identity.py" line="202"/>
        <source>The Content Credentials key {path} could not be read; it was moved to {aside} and a new identity was made: publish its fingerprint {fingerprint} (reels signed before still verify with the previous certificate in {previous}).</source>
        <translation>La clé Content Credentials {path} est illisible&#x202f;; elle a été déplacée vers {aside} et une nouvelle identité a été créée&#xa0;: publiez son empreinte {fingerprint} (les vidéos signées auparavant restent vérifiables avec l’ancien certificat, dans {previous}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/identity.py" line="272"/>
        <source>The Content Credentials signing key in {folder} could not be read; it was set aside and a new one made under the same identity, so your fingerprint is unchanged.</source>
        <translation>La clé de signature Content Credentials de {folder} est illisible&#x202f;; elle a été mise de côté et une nouvelle a été créée sous la même identité, votre empreinte ne change donc pas.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/captions.py" line="370"/>
        <source>The caption “{caption}” had nothing drawable left and is not shown in the video.</source>
        <translation>Il ne restait rien d’affichable dans la légende «&#xa0;{caption}&#xa0;»&#xa0;: elle n’apparaît pas dans la vidéo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/captions.py" line="365"/>
        <source>The caption “{caption}” has characters the caption font cannot draw ({chars}); they were left out of the video.</source>
        <translation>La légende «&#xa0;{caption}&#xa0;» contient des caractères que la police des légendes ne sait pas dessiner ({chars})&#x202f;; ils ont été retirés de la vidéo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="109"/>
        <source>The caption “{caption}” is on screen for {seconds:.1f} s, short for its length; viewers may not finish reading it.</source>
        <translation>La légende «&#xa0;{caption}&#xa0;» reste {seconds:.1f}&#xa0;s à l’écran, c’est court pour sa longueur&#x202f;; le public risque de ne pas finir de la lire.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/captions.py" line="376"/>
        <source>The caption “{caption}” is too long for the screen and was shortened with “…”; the full text is in the subtitle files and the post text.</source>
        <translation>La légende «&#xa0;{caption}&#xa0;» est trop longue pour l’écran et a été raccourcie par «&#xa0;…&#xa0;»&#x202f;; le texte complet figure dans les fichiers de sous-titres et le texte de publication.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/status.py" line="41"/>
        <source>The capture could not start.</source>
        <translation>La prise de vue n’a pas pu démarrer.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="315"/>
        <location filename="../../desktop/coulisses/capture/session.py" line="401"/>
        <location filename="../../desktop/coulisses/capture/session.py" line="505"/>
        <source>The capture has stopped.</source>
        <translation>La prise de vue s’est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="268"/>
        <source>The capture is not running.</source>
        <translation>La prise de vue n’est pas en cours.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="103"/>
        <source>the interval must be longer than zero</source>
        <translation>l’intervalle doit être supérieur à zéro</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="105"/>
        <source>the count must be at least 1</source>
        <translation>le nombre doit valoir au moins 1</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="107"/>
        <source>the duration must be longer than zero</source>
        <translation>la durée doit être supérieure à zéro</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/capture/session.py" line="408"/>
        <source>Done: %n still(s) taken.</source>
        <translation>
            <numerusform>Terminé&#x202f;: %n photo prise.</numerusform>
            <numerusform>Terminé&#x202f;: %n photos prises.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="412"/>
        <source>The capture stopped on an error: {error}</source>
        <translation>La prise de vue s’est arrêtée sur une erreur&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="415"/>
        <source>{kept}, {skipped}.</source>
        <translation>{kept}, {skipped}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/capture/session.py" line="415"/>
        <source>%n still(s) kept</source>
        <translation>
            <numerusform>%n photo gardée</numerusform>
            <numerusform>%n photos gardées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/capture/session.py" line="416"/>
        <source>%n idle one(s) skipped</source>
        <translation>
            <numerusform>%n photo immobile ignorée</numerusform>
            <numerusform>%n photos immobiles ignorées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/capture/session.py" line="418"/>
        <source>%n outage(s) recorded ({time} in all).</source>
        <translation>
            <numerusform>%n coupure enregistrée ({time} au total).</numerusform>
            <numerusform>%n coupures enregistrées ({time} au total).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="513"/>
        <source>The still could not be stored ({error}).</source>
        <translation>La photo n’a pas pu être enregistrée ({error}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="313"/>
        <source>The cover image could not be encoded.</source>
        <translation>L’image de couverture n’a pas pu être encodée.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="178"/>
        <source>The disk holding the journal folder {path} is full.</source>
        <translation>Le disque qui contient le dossier du journal {path} est plein.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/watch_folder.py" line="205"/>
        <source>The journal could not be read ({error}); new photos will be imported once it can be.</source>
        <translation>Le journal n’a pas pu être lu ({error})&#x202f;; les nouvelles photos seront importées dès que ce sera possible.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/watch_folder.py" line="269"/>
        <source>The disk holding the journal is full; free some space. New photos will be imported once there is room.</source>
        <translation>Le disque du journal est plein&#x202f;; libérez de la place. Les nouvelles photos seront importées dès qu’il y en aura.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="689"/>
        <source>The disk is nearly full ({free} MB free, {margin} MB kept spare): capture is paused and resumes by itself when space is freed. Nothing already captured is lost.</source>
        <translation>Le disque est presque plein ({free}&#xa0;Mo libres, {margin}&#xa0;Mo gardés en réserve)&#xa0;: la prise de vue est en pause et reprendra d’elle-même dès que de la place sera libérée. Rien de ce qui a déjà été capturé n’est perdu.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="786"/>
        <source>The disk is nearly full ({free} MB free, {margin} MB kept spare): free some space and try again.</source>
        <translation>Le disque est presque plein ({free}&#xa0;Mo libres, {margin}&#xa0;Mo gardés en réserve)&#xa0;: libérez de la place et réessayez.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="242"/>
        <source>The effort behind {name}: {figures}</source>
        <translation>L’effort derrière {name}&#xa0;: {figures}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/history.py" line="73"/>
        <source>The export is complete but could not be added to the piece&apos;s list of exports ({problem}).</source>
        <translation>L’export est terminé mais n’a pas pu être ajouté à la liste des exports de la pièce ({problem}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/history.py" line="197"/>
        <source>The export {folder} could not be deleted ({problem}).</source>
        <translation>Impossible de supprimer l’export {folder} ({problem}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/cards.py" line="105"/>
        <location filename="../../desktop/coulisses/export/cards.py" line="118"/>
        <source>The finished piece</source>
        <translation>La pièce terminée</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/cards.py" line="106"/>
        <source>Where it stands today</source>
        <translation>Où elle en est aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="257"/>
        <source>The finished piece, {name}, on {when}</source>
        <translation>La pièce terminée, {name}, le {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/watch_folder.py" line="328"/>
        <source>The folder {folder} cannot be reached; watching for it to come back.</source>
        <translation>Le dossier {folder} est inaccessible&#x202f;; Coulisses attend qu’il revienne.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="314"/>
        <source>The frame rate must be a positive whole number.</source>
        <translation>La fréquence d’images doit être un nombre entier positif.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="226"/>
        <source>The import stopped: {reason}.</source>
        <translation>L’import s’est arrêté&#xa0;: {reason}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/watch_folder.py" line="274"/>
        <source>The journal could not be written ({error}).</source>
        <translation>Impossible d’écrire dans le journal ({error}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/companion/host.py" line="158"/>
        <location filename="../../desktop/coulisses/companion/host.py" line="161"/>
        <source>The reel could not be made: {reason}</source>
        <translation>La vidéo n’a pas pu être créée&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/companion/host.py" line="243"/>
        <location filename="../../desktop/coulisses/companion/server.py" line="318"/>
        <location filename="../../desktop/coulisses/ui/companion/host.py" line="84"/>
        <source>Unknown kind of moment.</source>
        <translation>Type de moment inconnu.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/companion/host.py" line="248"/>
        <location filename="../../desktop/coulisses/ui/main_window/bench.py" line="87"/>
        <source>The moment could not be saved: {reason}</source>
        <translation>Impossible d’enregistrer le moment&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/companion/host.py" line="255"/>
        <source>The caption could not be saved: {reason}</source>
        <translation>La légende n’a pas pu être enregistrée&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="47"/>
        <source>The moment is now a {kind}.</source>
        <translation>Le moment est désormais de type «&#xa0;{kind}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="58"/>
        <source>The moment now covers its still alone.</source>
        <translation>Le moment ne couvre plus que sa propre photo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="56"/>
        <source>The moment now covers {start} to {end}.</source>
        <translation>Le moment couvre désormais les photos de {start} à {end}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="47"/>
        <source>The name was tidied to {name!r}.</source>
        <translation>Le nom a été mis au propre&#xa0;: {name!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/options.py" line="73"/>
        <source>{platform} takes reels of up to {limit:g} s; choose {limit:g} s or less (short reels, 15 to 30 s, are the ones the platforms push).</source>
        <translation>{platform} accepte des vidéos de {limit:g}&#xa0;s au plus&#x202f;; choisissez {limit:g}&#xa0;s ou moins (les vidéos courtes, de 15 à 30&#xa0;s, sont celles que les plateformes mettent en avant).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/options.py" line="121"/>
        <source>The option {option} is true or false, not {value!r}.</source>
        <translation>L’option {option} vaut vrai ou faux (true ou false), pas {value!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="145"/>
        <source>The output folder {folder} cannot be created ({problem}).</source>
        <translation>Impossible de créer le dossier de sortie {folder} ({problem}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="148"/>
        <source>The output folder {folder} is not writable; choose another folder.</source>
        <translation>Impossible d’écrire dans le dossier de sortie {folder}&#x202f;; choisissez-en un autre.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="162"/>
        <source>Not enough free space in {folder} for this export: it needs about {need} MB and only {free} MB is free; free some space or choose another folder.</source>
        <translation>Pas assez d’espace libre dans {folder} pour cet export&#xa0;: il faut environ {need}&#xa0;Mo et seuls {free}&#xa0;Mo sont libres&#x202f;; libérez de la place ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="183"/>
        <source>The disk holding {folder} filled up during the export; nothing was written. Free some space and export again.</source>
        <translation>Le disque qui contient {folder} s’est rempli pendant l’export&#x202f;; rien n’a été écrit. Libérez de la place et relancez l’export.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="236"/>
        <source>signing {file}</source>
        <translation>signature de {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="252"/>
        <location filename="../../desktop/coulisses/export/post_text.py" line="60"/>
        <source>Notes for you (not to paste):</source>
        <translation>Notes pour vous (à ne pas coller)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="306"/>
        <source>The cover still could not be read: {problem}; the cover is plain.</source>
        <translation>La photo de couverture n’a pas pu être lue&#xa0;: {problem}&#x202f;; la couverture est unie.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/options.py" line="133"/>
        <source>The outputs are a list of names, not {value!r}.</source>
        <translation>Les sorties sont une liste de noms, pas {value!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="319"/>
        <source>The reel length must be a positive number of seconds.</source>
        <translation>La durée de la vidéo doit être un nombre de secondes positif.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/composer.py" line="57"/>
        <source>The reel plan has no frame rate.</source>
        <translation>Le montage de la vidéo n’a pas de fréquence d’images.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/composer.py" line="59"/>
        <source>The reel plan is damaged (a shot has a negative length).</source>
        <translation>Le montage de la vidéo est abîmé (un plan a une durée négative).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/composer.py" line="311"/>
        <source>A still could not be read and is left out of the before/after: {problem}</source>
        <translation>Une photo est illisible et manque à l’avant/après&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/screen.py" line="43"/>
        <source>The screen cannot be captured here ({reason}).</source>
        <translation>Impossible de capturer l’écran ici ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/screen.py" line="62"/>
        <source>The screen cannot be captured right now ({reason}).</source>
        <translation>Impossible de capturer l’écran pour le moment ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/screen.py" line="50"/>
        <source>The screen capture is not open.</source>
        <translation>La capture d’écran n’est pas ouverte.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="217"/>
        <source>The still of a {kind} moment is missing; the nearest still is shown instead.</source>
        <translation>La photo d’un moment «&#xa0;{kind}&#xa0;» manque&#x202f;; la photo la plus proche est montrée à sa place.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/stream.py" line="91"/>
        <source>The stream {url} cannot be opened: check the address, that the camera or phone is on and streaming, and that this computer can reach it.</source>
        <translation>Impossible d’ouvrir le flux {url}&#xa0;: vérifiez l’adresse, que la caméra ou le téléphone est allumé et diffuse, et que cet ordinateur peut l’atteindre.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/stream.py" line="157"/>
        <source>The stream {url} is not open.</source>
        <translation>Le flux {url} n’est pas ouvert.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/stream.py" line="161"/>
        <source>The stream {url} stopped sending pictures.</source>
        <translation>Le flux {url} n’envoie plus d’images.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/videofile.py" line="64"/>
        <source>The video file {path} cannot be opened (not a video, or damaged).</source>
        <translation>Impossible d’ouvrir le fichier vidéo {path} (ce n’est pas une vidéo, ou il est abîmé).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/videofile.py" line="83"/>
        <source>The video file {path} is not open.</source>
        <translation>Le fichier vidéo {path} n’est pas ouvert.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/pipeline.py" line="107"/>
        <source>The video has {n} frames instead of {total}.</source>
        <translation>La vidéo a {n} images au lieu de {total}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/options.py" line="127"/>
        <source>The {option} must be a number of seconds from {lo:g} to {hi:g}, not {value!r}.</source>
        <translation>L’option {option} doit être un nombre de secondes entre {lo:g} et {hi:g}, pas {value!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/editing.py" line="62"/>
        <source>There is no moment {id} in this piece; `coulisses timeline PIECE` lists them.</source>
        <translation>Il n’y a pas de moment {id} dans cette pièce&#x202f;; `coulisses timeline PIECE` les liste.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="48"/>
        <source>There is no still {id} in this piece; `coulisses suggestions PIECE` lists the suggested ones.</source>
        <translation>Il n’y a pas de photo {id} dans cette pièce&#x202f;; `coulisses suggestions PIECE` liste les photos suggérées.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/editing.py" line="67"/>
        <source>There is no still {id} in this piece; `coulisses timeline PIECE --json` lists them.</source>
        <translation>Il n’y a pas de photo {id} dans cette pièce&#x202f;; `coulisses timeline PIECE --json` les liste.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="44"/>
        <source>There is no suggestion number {n}; `coulisses suggestions PIECE` lists {count}.</source>
        <translation>Il n’y a pas de suggestion numéro {n}&#x202f;; `coulisses suggestions PIECE` en liste {count}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/composer.py" line="55"/>
        <source>There is nothing to export: the reel plan has no frames.</source>
        <translation>Rien à exporter&#xa0;: le montage de la vidéo ne contient aucune image.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="202"/>
        <source>They were taken from {start} to {end}.</source>
        <translation>Elles ont été prises du {start} au {end}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/signing.py" line="111"/>
        <source>This export is not signed: a still could not be read to record its fingerprint ({problem}).</source>
        <translation>Cet export n’est pas signé&#xa0;: une photo n’a pas pu être lue pour enregistrer son empreinte ({problem}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/signing.py" line="109"/>
        <source>This export is not signed: {problem}</source>
        <translation>Cet export n’est pas signé&#xa0;: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/editing.py" line="140"/>
        <source>This moment has no still, so it cannot cover a span; move it to a still first.</source>
        <translation>Ce moment n’est sur aucune photo, il ne peut donc pas s’étendre sur plusieurs&#x202f;; placez-le d’abord sur une photo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="74"/>
        <source>This piece has no stills yet.</source>
        <translation>Cette pièce n’a pas encore de photos.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="246"/>
        <source>This reel carries Content Credentials: it can be checked that it was captured at my bench, not generated.</source>
        <translation>Cette vidéo porte des Content Credentials&#xa0;: chacun peut vérifier qu’elle a bien été tournée dans mon atelier, et non générée.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="168"/>
        <source>Took a still for {piece!r}.</source>
        <translation>Photo prise pour {piece!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/options.py" line="82"/>
        <source>Unknown export option: {names}.</source>
        <translation>Option d’export inconnue&#xa0;: {names}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="136"/>
        <location filename="../../desktop/coulisses/export/options.py" line="138"/>
        <source>Unknown export outputs: {names}.</source>
        <translation>Sorties d’export inconnues&#xa0;: {names}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/composer.py" line="80"/>
        <location filename="../../desktop/coulisses/export/exporter.py" line="133"/>
        <source>Unknown layout {layout!r}; use fill or fit.</source>
        <translation>Mise en page {layout!r} inconnue&#x202f;; utilisez fill ou fit.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/demo.py" line="58"/>
        <source>Using the demo piece {name!r} ({id}) already in the journal.</source>
        <translation>Reprise de la pièce de démonstration {name!r} ({id}), déjà dans le journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="139"/>
        <source>Watching {folders} for new photos. Press Ctrl-C to stop.</source>
        <translation>Surveillance des nouvelles photos dans {folders}. Appuyez sur Ctrl-C pour arrêter.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="219"/>
        <source>Your preferences file was damaged, so the defaults are used; the old file was kept as {path}.</source>
        <translation>Votre fichier de préférences était abîmé, les réglages par défaut sont donc utilisés&#x202f;; l’ancien fichier a été conservé sous le nom {path}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="38"/>
        <source>`moment … {action}` needs a value</source>
        <translation>`moment … {action}` demande une valeur</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="60"/>
        <source>`suggestions PIECE {action}` needs the ID of a suggestion</source>
        <translation>`suggestions PIECE {action}` demande l’ID d’une suggestion</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="63"/>
        <source>`suggestions PIECE` takes no ID; did you mean accept or dismiss?</source>
        <translation>`suggestions PIECE` ne prend pas d’ID&#x202f;; vouliez-vous dire accept ou dismiss&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="80"/>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="133"/>
        <source>score {score:.1f}</source>
        <translation>score {score:.1f}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="33"/>
        <source>a pause longer than this starts a new session (default 30m)</source>
        <translation>une pause plus longue que cela commence une nouvelle séance (30m par défaut)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="21"/>
        <source>a pause longer than this starts a new session (default: the piece&apos;s setting, else 30m)</source>
        <translation>une pause plus longue que cela commence une nouvelle séance (par défaut&#xa0;: le réglage de la pièce, sinon 30m)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/verify.py" line="21"/>
        <source>an exported MP4 or JPEG</source>
        <translation>un MP4 ou un JPEG exporté</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="176"/>
        <source>and {n} more</source>
        <translation>et {n} autres</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="24"/>
        <source>camera number (0), stream URL (rtsp://…, http://…), video file, or &apos;screen&apos;</source>
        <translation>numéro de caméra (0), adresse de flux (rtsp://…, http://…), fichier vidéo ou «&#xa0;screen&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/camera.py" line="62"/>
        <location filename="../../desktop/coulisses/capture/probe.py" line="62"/>
        <location filename="../../desktop/coulisses/capture/probe.py" line="82"/>
        <location filename="../../desktop/coulisses/capture/sources.py" line="51"/>
        <location filename="../../desktop/coulisses/capture/sources.py" line="54"/>
        <source>camera {index}</source>
        <translation>la caméra {index}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="117"/>
        <source>captures</source>
        <translation>photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="61"/>
        <source>capturing</source>
        <translation>prise de vue en cours</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="361"/>
        <source>carousel</source>
        <translation>carrousel</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/verify.py" line="19"/>
        <source>check a file&apos;s Content Credentials: who signed, the process, whether it changed</source>
        <translation>vérifier les Content Credentials d’un fichier&#xa0;: qui l’a signé, le processus, s’il a été modifié</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="25"/>
        <source>create a piece and print its id</source>
        <translation>créer une pièce et afficher son identifiant</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="24"/>
        <source>do not look for suggested moments (faster on a huge piece)</source>
        <translation>ne pas chercher de moments suggérés (plus rapide sur une très grosse pièce)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="36"/>
        <source>reel length, e.g. 30, 45s or 1m (default: {seconds:g} s; at most {longest}; short reels are the ones platforms push)</source>
        <translation>durée de la vidéo, p. ex. 30, 45s ou 1m (par défaut&#xa0;: {seconds:g}&#xa0;s&#x202f;; au plus {longest}&#x202f;; les vidéos courtes sont celles que les plateformes mettent en avant)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="42"/>
        <source>do not open on the finished piece</source>
        <translation>ne pas ouvrir sur la pièce terminée</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="48"/>
        <source>do not say in the post text that the reel carries Content Credentials</source>
        <translation>ne pas indiquer dans le texte de publication que la vidéo porte des Content Credentials</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="51"/>
        <source>show the piece&apos;s first still and its result together: side by side, or a wipe from one to the other (also a carousel slide)</source>
        <translation>montrer ensemble la première photo de la pièce et son résultat&#xa0;: côte à côte (side), ou en volet de l’une à l’autre (wipe) (aussi une image du carrousel)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="54"/>
        <source>where the before/after is held: at the end (default) or the start of the reel</source>
        <translation>où l’avant/après est placé&#xa0;: à la fin (end, par défaut) ou au début (start) de la vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="57"/>
        <source>show the finished piece faintly over the first seconds of the work</source>
        <translation>montrer la pièce terminée en transparence sur les premières secondes du travail</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="61"/>
        <source>also make a carousel in carousel/, as many stills as the platform takes: {counts}</source>
        <translation>créer aussi un carrousel dans carousel/, avec autant de photos que la plateforme en accepte&#xa0;: {counts}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="118"/>
        <source>The export was already complete when it was cancelled, so it is kept.</source>
        <translation>L’export était déjà terminé quand il a été annulé&#xa0;: il est gardé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/export.py" line="131"/>
        <source>  {folder}/ (%n image(s), made in {took})</source>
        <translation>
            <numerusform>  {folder}/ (%n image, produite en {took})</numerusform>
            <numerusform>  {folder}/ (%n images, produites en {took})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/exporter.py" line="189"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/demo_piece.py" line="242"/>
        <source>drawing the demo stills</source>
        <translation>dessin des photos de démonstration</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="20"/>
        <source>edit a moment: caption, kind, move, span or delete</source>
        <translation>modifier un moment&#xa0;: légende (caption), type (kind), déplacer (move), étendre (span) ou supprimer (delete)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="65"/>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="67"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="40"/>
        <source>fill: crop around the focus point; fit: whole still over a blur</source>
        <translation>fill&#xa0;: recadrer autour du point de mire&#x202f;; fit&#xa0;: photo entière sur un fond flou</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/pipeline.py" line="104"/>
        <source>finishing the video</source>
        <translation>finalisation de la vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/mark.py" line="13"/>
        <source>flag a moment: struggle, fix, milestone, result, note</source>
        <translation>marquer un moment&#xa0;: struggle (difficulté), fix (correction), milestone (étape), result (résultat), note</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/demo.py" line="18"/>
        <source>folder receiving the export (default: {folder})</source>
        <translation>dossier où enregistrer l’export (par défaut&#xa0;: {folder})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="20"/>
        <source>folder receiving the export (one new subfolder per export)</source>
        <translation>dossier où enregistrer l’export (un nouveau sous-dossier par export)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="117"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/cli.py" line="172"/>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/importer.py" line="239"/>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="218"/>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="235"/>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="458"/>
        <location filename="../../desktop/coulisses/capture/video_meta.py" line="142"/>
        <location filename="../../desktop/coulisses/capture/video_meta.py" line="156"/>
        <source>it cannot be read ({error})</source>
        <translation>il est illisible ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/importer.py" line="386"/>
        <source>it could not be written into the journal ({error})</source>
        <translation>il n’a pas pu être écrit dans le journal ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/importer.py" line="393"/>
        <source>it could not be imported (an unexpected error; the details were logged)</source>
        <translation>elle n’a pas pu être importée (une erreur inattendue&#x202f;; les détails techniques ont été consignés)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="157"/>
        <source>it is a folder</source>
        <translation>c’est un dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/importer.py" line="244"/>
        <source>it is inside the Coulisses journal folder</source>
        <translation>il se trouve dans le dossier du journal Coulisses</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="175"/>
        <source>it is not a photo Coulisses can read (JPEG, PNG or HEIC)</source>
        <translation>ce n’est pas une photo que Coulisses sait lire (JPEG, PNG ou HEIC)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="159"/>
        <location filename="../../desktop/coulisses/capture/video_meta.py" line="145"/>
        <source>it is not a regular file</source>
        <translation>ce n’est pas un fichier ordinaire</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/exif_time.py" line="171"/>
        <source>its EXIF capture time {value!r} is not a valid date</source>
        <translation>sa date de prise de vue EXIF {value!r} n’est pas une date valide</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/exif_time.py" line="132"/>
        <source>its EXIF data is damaged</source>
        <translation>ses données EXIF sont abîmées</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/exif_time.py" line="131"/>
        <source>its EXIF data is damaged ({detail})</source>
        <translation>ses données EXIF sont abîmées ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/importer.py" line="358"/>
        <source>its capture time is in the future; is the camera&apos;s clock set right?</source>
        <translation>sa date de prise de vue est dans le futur&#x202f;; l’horloge de l’appareil est-elle à l’heure&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="498"/>
        <source>its image data is damaged ({detail})</source>
        <translation>ses données d’image sont abîmées ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/cli.py" line="102"/>
        <source>journal folder (default: $COULISSES_HOME, else your user data folder)</source>
        <translation>dossier du journal (par défaut&#xa0;: $COULISSES_HOME, sinon votre dossier de données utilisateur)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="46"/>
        <source>keep each webcam still&apos;s exposure as captured</source>
        <translation>garder l’exposition de chaque photo de webcam telle quelle</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="35"/>
        <source>keep every still, even when nothing moved</source>
        <translation>garder toutes les photos, même quand rien n’a bougé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="74"/>
        <source>keep running and import each new photo that appears in the folders (Ctrl-C stops)</source>
        <translation>rester actif et importer chaque nouvelle photo qui apparaît dans les dossiers (Ctrl-C pour arrêter)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="28"/>
        <source>kind of the moment an accepted suggestion becomes (default: struggle)</source>
        <translation>type du moment créé quand une suggestion est acceptée (par défaut&#xa0;: struggle)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="117"/>
        <source>last activity</source>
        <translation>dernière activité</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="44"/>
        <source>leave out the closing card with the effort figures</source>
        <translation>ne pas ajouter le carton de fin avec les chiffres de l’effort</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="24"/>
        <source>list (default), accept ID or dismiss ID</source>
        <translation>list (par défaut), accept ID ou dismiss ID</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/identity.py" line="19"/>
        <source>the name your reels are signed with, the fingerprint to publish, where the keys are</source>
        <translation>le nom sous lequel vos vidéos sont signées, l’empreinte à publier, l’emplacement des clés</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/identity.py" line="22"/>
        <source>sign from now on as NAME (your name or your studio&apos;s); the fingerprint stays the same</source>
        <translation>signer désormais au nom de NAME (le vôtre ou celui de votre atelier)&#x202f;; l’empreinte ne change pas</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/identity.py" line="24"/>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="36"/>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="40"/>
        <location filename="../../desktop/coulisses/commands/stills.py" line="86"/>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="31"/>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="19"/>
        <location filename="../../desktop/coulisses/commands/verify.py" line="24"/>
        <source>machine-readable output</source>
        <translation>sortie lisible par un programme</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/identity.py" line="52"/>
        <source>Signed as: {name}</source>
        <translation>Signé au nom de&#xa0;: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/identity.py" line="53"/>
        <source>Fingerprint to publish: {fingerprint}</source>
        <translation>Empreinte à publier&#xa0;: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/identity.py" line="54"/>
        <source>Keys (private, back them up): {folder}</source>
        <translation>Clés (privées, à sauvegarder)&#xa0;: {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/identity.py" line="55"/>
        <source>Root certificate (for verify --trust): {path}</source>
        <translation>Certificat racine (pour verify --trust)&#xa0;: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/demo.py" line="16"/>
        <source>make a demo piece and export its reel (no camera needed)</source>
        <translation>créer une pièce de démonstration et exporter sa vidéo (sans caméra)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="64"/>
        <source>make only the carousel and the post text, no reel</source>
        <translation>ne créer que le carrousel et le texte de publication, sans vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="18"/>
        <source>what the piece is made with, for its caption starters and hashtags: {crafts}</source>
        <translation>le métier de la pièce, pour ses débuts de légende et ses hashtags&#xa0;: {crafts}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="23"/>
        <source>create, change or list pieces</source>
        <translation>créer, modifier ou lister les pièces</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="29"/>
        <source>change a piece&apos;s settings</source>
        <translation>modifier les réglages d’une pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="30"/>
        <source>the piece&apos;s id or name</source>
        <translation>l’identifiant ou le nom de la pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="34"/>
        <source>the still the export&apos;s cover shows: its id, its number or last (as `coulisses stills PIECE list` shows them); none lets the export pick it again</source>
        <translation>la photo que montre la couverture de l’export&#xa0;: son identifiant, son numéro ou last (comme `coulisses stills PIECE list` les affiche)&#x202f;; none laisse de nouveau l’export la choisir</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="38"/>
        <source>id, name, captures, moments, last activity; archived pieces are marked</source>
        <translation>identifiant, nom, photos, moments, dernière activité&#x202f;; les pièces archivées sont signalées</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="59"/>
        <source>`piece set` needs something to change: --craft or --cover</source>
        <translation>`piece set` a besoin de quelque chose à changer&#xa0;: --craft ou --cover</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="73"/>
        <source>Craft of {name!r}: {craft}.</source>
        <translation>Métier de {name!r}&#xa0;: {craft}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="79"/>
        <source>The cover of {name!r} is chosen automatically again.</source>
        <translation>La couverture de {name!r} est de nouveau choisie automatiquement.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="82"/>
        <source>Cover of {name!r}: {id}.</source>
        <translation>Couverture de {name!r}&#xa0;: {id}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="92"/>
        <source>That still is hidden, so the export will not use it as the cover; `coulisses stills {piece} show {id}` lets it in again.</source>
        <translation>Cette photo est masquée&#xa0;: l’export ne la prendra pas en couverture&#x202f;; `coulisses stills {piece} show {id}` la réaffiche.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="117"/>
        <source>moments</source>
        <translation>moments</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="117"/>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/exif_time.py" line="107"/>
        <source>no TIFF header</source>
        <translation>en-tête TIFF absent</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/cli.py" line="145"/>
        <source>no command given (see `coulisses --help`)</source>
        <translation>aucune commande indiquée (voir `coulisses --help`)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="73"/>
        <source>none yet</source>
        <translation>aucune pour l’instant</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="37"/>
        <source>pause when less than this is free on the disk (default 200MB)</source>
        <translation>se mettre en pause quand il reste moins que cela de libre sur le disque (200MB par défaut)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="693"/>
        <location filename="../../desktop/coulisses/commands/capture.py" line="63"/>
        <source>paused: disk full</source>
        <translation>en pause&#xa0;: disque plein</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="699"/>
        <location filename="../../desktop/coulisses/commands/capture.py" line="64"/>
        <source>paused: write error</source>
        <translation>en pause&#xa0;: erreur d’écriture</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="18"/>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="61"/>
        <location filename="../../desktop/coulisses/commands/stills.py" line="65"/>
        <source>piece id or name</source>
        <translation>identifiant ou nom de la pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="26"/>
        <location filename="../../desktop/coulisses/commands/capture.py" line="43"/>
        <source>piece name or id</source>
        <translation>nom ou identifiant de la pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="31"/>
        <source>platform: frame size and safe zone (default: {name})</source>
        <translation>plateforme&#xa0;: format d’image et zone sûre (par défaut&#xa0;: {name})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="17"/>
        <source>render a vertical captioned reel of a piece</source>
        <translation>produire la vidéo verticale légendée d’une pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/cli.py" line="104"/>
        <source>show debug messages</source>
        <translation>afficher les messages de débogage</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="62"/>
        <source>source lost, retrying</source>
        <translation>source perdue, nouvel essai</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="60"/>
        <location filename="../../desktop/coulisses/export/exporter.py" line="326"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="20"/>
        <source>stills where the piece suddenly changed: list, accept or dismiss them</source>
        <translation>photos où la pièce a brusquement changé&#xa0;: les lister, les accepter ou les écarter</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="31"/>
        <source>stop after N stills</source>
        <translation>s’arrêter après N photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="33"/>
        <source>stop after this long, e.g. 45m or 2h</source>
        <translation>s’arrêter au bout de cette durée, p. ex. 45m ou 2h</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="66"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="25"/>
        <source>take a still every few seconds, skipping idle ones</source>
        <translation>prendre une photo à intervalle régulier, sans garder celles où rien ne bouge</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="42"/>
        <source>take one still now</source>
        <translation>prendre une photo maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/exif_time.py" line="125"/>
        <source>the capture-details table points outside the data</source>
        <translation>la table des détails de prise de vue pointe hors des données</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/importer.py" line="530"/>
        <source>the disk holding the journal is full; free some space and import again (photos already imported are kept)</source>
        <translation>le disque du journal est plein&#x202f;; libérez de la place et relancez l’import (les photos déjà importées sont conservées)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="166"/>
        <location filename="../../desktop/coulisses/capture/video_meta.py" line="147"/>
        <location filename="../../desktop/coulisses/journal/codec.py" line="102"/>
        <location filename="../../desktop/coulisses/journal/storage.py" line="88"/>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="374"/>
        <source>progressive JPEG</source>
        <translation>JPEG progressif</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="375"/>
        <source>the image is too large to import ({w}×{h} pixels; Coulisses imports a {format} of up to {limit} megapixels): save a smaller copy and import that</source>
        <translation>l’image est trop grande pour être importée ({w}×{h} pixels&#x202f;; Coulisses importe un {format} d’au plus {limit} mégapixels)&#xa0;: enregistrez-en une copie plus petite et importez-la</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="386"/>
        <source>the image is too large to import ({mp} megapixels; Coulisses imports photos of up to {limit} megapixels): save a smaller copy and import that</source>
        <translation>l’image est trop grande pour être importée ({mp} mégapixels&#x202f;; Coulisses importe des photos d’au plus {limit} mégapixels)&#xa0;: enregistrez-en une copie plus petite et importez-la</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="454"/>
        <source>it is a link to a file that cannot be read ({error})</source>
        <translation>c’est un lien vers un fichier illisible ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="457"/>
        <source>it was moved or deleted before it could be read</source>
        <translation>il a été déplacé ou supprimé avant d’avoir pu être lu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="492"/>
        <source>the file is truncated (an unfinished copy?)</source>
        <translation>le fichier est tronqué (une copie inachevée&#x202f;?)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="174"/>
        <source>the file is truncated or damaged</source>
        <translation>le fichier est tronqué ou abîmé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/importer.py" line="223"/>
        <source>the folder cannot be read ({error})</source>
        <translation>le dossier est illisible ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="385"/>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="494"/>
        <source>the image is too large to import</source>
        <translation>l’image est trop grande pour être importée</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/importer.py" line="535"/>
        <source>the journal could not be written ({error})</source>
        <translation>impossible d’écrire dans le journal ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/verify.py" line="23"/>
        <source>the maker&apos;s root certificate, to check who signed</source>
        <translation>le certificat racine de l’auteur, pour vérifier qui a signé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/mark.py" line="21"/>
        <source>the moment lasts until this still (&apos;last&apos; for the latest)</source>
        <translation>le moment dure jusqu’à cette photo («&#xa0;last&#xa0;» pour la plus récente)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="25"/>
        <source>the new caption, kind ({kinds}), still id (move), end still id or &apos;none&apos; (span)</source>
        <translation>la nouvelle légende, le type ({kinds}), l’identifiant de la photo (move), celui de la photo de fin ou «&#xa0;none&#xa0;» (span)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/health.py" line="87"/>
        <source>the picture has been black for {seconds} s</source>
        <translation>l’image est noire depuis {seconds}&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/health.py" line="91"/>
        <source>the picture has been frozen for {seconds} s</source>
        <translation>l’image est figée depuis {seconds}&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/screen.py" line="23"/>
        <location filename="../../desktop/coulisses/capture/sources.py" line="56"/>
        <source>the screen</source>
        <translation>l’écran</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/suggestions.py" line="26"/>
        <source>the still id of a suggestion, or its number in the list</source>
        <translation>l’identifiant de la photo d’une suggestion, ou son numéro dans la liste</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/timeline.py" line="16"/>
        <source>the story of a piece: sessions, moments, effort, suggested moments</source>
        <translation>l’histoire d’une pièce&#xa0;: séances, moments, effort, moments suggérés</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/exif_time.py" line="116"/>
        <source>the tag table is cut short or points outside the data</source>
        <translation>la table des balises est tronquée ou pointe hors des données</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/importer.py" line="258"/>
        <source>there is no such file or folder</source>
        <translation>ce fichier ou dossier n’existe pas</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/photo_decode.py" line="496"/>
        <source>there is not enough memory to decode it</source>
        <translation>il n’y a pas assez de mémoire pour le décoder</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="29"/>
        <source>time between stills, e.g. 2s, 30s, 5m (default 10s)</source>
        <translation>temps entre deux photos, p. ex. 2s, 30s, 5m (10s par défaut)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/commands/stills.py" line="269"/>
        <location filename="../../desktop/coulisses/ui/pieces/model.py" line="64"/>
        <source>%Ln still(s)</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="120"/>
        <source>warning: {message}</source>
        <translation>attention&#xa0;: {message}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/mark.py" line="18"/>
        <source>which still (default: the last one)</source>
        <translation>quelle photo (par défaut&#xa0;: la dernière)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="76"/>
        <source>with --watch: how long a new file must stay unchanged before it is taken (default: 2s; raise it for slow network copies)</source>
        <translation>avec --watch&#xa0;: combien de temps un nouveau fichier doit rester inchangé avant d’être pris (par défaut&#xa0;: 2s&#x202f;; augmentez-le pour les copies lentes par le réseau)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="79"/>
        <source>with --watch: how often to look in the folders (default: 1s)</source>
        <translation>avec --watch&#xa0;: intervalle entre deux coups d’œil dans les dossiers (par défaut&#xa0;: 1s)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/verify.py" line="42"/>
        <source>{file} cannot be read ({problem}).</source>
        <translation>Impossible de lire {file} ({problem}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="49"/>
        <source>{file} carries no Content Credentials.</source>
        <translation>{file} ne contient pas de Content Credentials.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/signing.py" line="144"/>
        <source>{file} could not be signed ({problem}); it and the files after it are complete but carry no Content Credentials.</source>
        <translation>Impossible de signer {file} ({problem})&#x202f;; ce fichier et les suivants sont complets mais sans Content Credentials.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/verify.py" line="36"/>
        <source>{file} is not a file that can be read.</source>
        <translation>{file} n’est pas un fichier lisible.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="46"/>
        <source>{file}: Content Credentials valid; the file has not changed since it was signed.</source>
        <translation>{file}&#xa0;: Content Credentials valides&#x202f;; le fichier n’a pas changé depuis sa signature.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/describe.py" line="62"/>
        <source>{file}: the Content Credentials are invalid because the certificate that signed them has expired.</source>
        <translation>{file}&#xa0;: les Content Credentials ne sont pas valides, car le certificat qui les a signés a expiré.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/history.py" line="181"/>
        <source>{folder} does not look like a Coulisses export any more, so it was not deleted; delete it yourself if you mean to.</source>
        <translation>{folder} ne ressemble plus à un export de Coulisses, il n’a donc pas été supprimé&#x202f;; supprimez-le vous-même si c’est bien ce que vous voulez.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/watch_folder.py" line="120"/>
        <source>{folder} is inside the Coulisses journal; watch the folder where new photos arrive instead</source>
        <translation>{folder} se trouve dans le journal Coulisses&#x202f;; surveillez plutôt le dossier où arrivent les nouvelles photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/history.py" line="177"/>
        <source>{folder} is not among this piece&apos;s exports; it was left alone.</source>
        <translation>{folder} ne fait pas partie des exports de cette pièce&#x202f;; il n’a pas été touché.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/effort.py" line="125"/>
        <source>{h} h {m:02d}</source>
        <translation>{h}&#xa0;h&#xa0;{m:02d}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="147"/>
        <source>%n struggle(s)</source>
        <translation>
            <numerusform>%n difficulté</numerusform>
            <numerusform>%n difficultés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="150"/>
        <source>%n fix(es)</source>
        <translation>
            <numerusform>%n correction</numerusform>
            <numerusform>%n corrections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="153"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n essai</numerusform>
            <numerusform>%n essais</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="156"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n séance</numerusform>
            <numerusform>%n séances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/effort.py" line="159"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="271"/>
        <source>{kind} on {when}</source>
        <translation>{kind}, le {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/carousel.py" line="269"/>
        <source>{kind} on {when}: {caption}</source>
        <translation>{kind}, le {when}&#xa0;: {caption}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/cli.py" line="94"/>
        <source>{message} (see `{prog} --help`)</source>
        <translation>{message} (voir `{prog} --help`)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/effort.py" line="127"/>
        <source>{m} min</source>
        <translation>{m}&#xa0;min</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/pieces.py" line="120"/>
        <location filename="../../desktop/coulisses/ui/pieces/model.py" line="62"/>
        <source>{name} (archived)</source>
        <translation>{name} (archivée)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/export.py" line="122"/>
        <source>{name}: {seconds:.1f} s reel, {frames} frames at {fps} fps, for {platform}, made in {took}.</source>
        <translation>{name}&#xa0;: vidéo de {seconds:.1f}&#xa0;s, {frames} images à {fps}&#xa0;fps, pour {platform}, produite en {took}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="89"/>
        <location filename="../../desktop/coulisses/commands/stills.py" line="241"/>
        <source>{option}: {error}</source>
        <translation>{option}&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/app.py" line="175"/>
        <source>{path} is a file, so it cannot hold the journal.</source>
        <translation>{path} est un fichier, il ne peut donc pas accueillir le journal.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="168"/>
        <source>{path}: {note}.</source>
        <translation>{path}&#xa0;: {note}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="194"/>
        <source>No photos or videos found in the given paths.</source>
        <translation>Aucune photo ni vidéo trouvée dans les chemins donnés.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="196"/>
        <source>No photos or videos found: the files there are not JPEG, PNG or HEIC photos, nor MP4 or MOV videos.</source>
        <translation>Aucune photo ni vidéo trouvée&#xa0;: les fichiers présents ne sont ni des photos JPEG, PNG ou HEIC, ni des vidéos MP4 ou MOV.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/import_photos.py" line="211"/>
        <source>{path}: {note}; it was imported anyway.</source>
        <translation>{path}&#xa0;: {note}&#x202f;; le fichier a quand même été importé.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/capture.py" line="150"/>
        <source>{piece}: {summary}</source>
        <translation>{piece}&#xa0;: {summary}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/preview.py" line="124"/>
        <location filename="../../desktop/coulisses/capture/session.py" line="329"/>
        <location filename="../../desktop/coulisses/capture/session.py" line="778"/>
        <source>{source} cannot be opened ({reason}).</source>
        <translation>Impossible d’ouvrir {source} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/preview.py" line="174"/>
        <location filename="../../desktop/coulisses/capture/session.py" line="771"/>
        <source>{source} gave no picture ({reason}).</source>
        <translation>Aucune image de {source} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="510"/>
        <source>{source} has ended.</source>
        <translation>Fin de {source}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/sources.py" line="83"/>
        <source>No source given: use a camera number (0), a stream URL, a video file or {word!r}.</source>
        <translation>Aucune source indiquée&#xa0;: donnez un numéro de caméra (0), l’URL d’un flux, un fichier vidéo ou {word!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/sources.py" line="106"/>
        <source>{source} is a folder, not a video file.</source>
        <translation>{source} est un dossier, pas un fichier vidéo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/sources.py" line="111"/>
        <source>There is no video file at {source}: check its name and folder, or choose it again.</source>
        <translation>Aucun fichier vidéo à l’emplacement {source}&#xa0;: vérifiez son nom et son dossier, ou choisissez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/sources.py" line="113"/>
        <source>Source {source} not found: use a camera number (0), a stream URL, a video file or {word!r}.</source>
        <translation>Source {source} introuvable&#xa0;: donnez un numéro de caméra (0), l’URL d’un flux, un fichier vidéo ou {word!r}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="590"/>
        <source>{source} is back after {time}; the gap is recorded.</source>
        <translation>Signal de {source} retrouvé après {time}&#x202f;; l’interruption est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/sources.py" line="100"/>
        <source>{source} is not a source Coulisses can read (use rtsp://, http:// or https://).</source>
        <translation>Coulisses ne sait pas lire la source {source} (utilisez rtsp://, http:// ou https://).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="559"/>
        <source>{source} lost ({reason}); trying again every few seconds. The gap will show on the timeline.</source>
        <translation>Plus de signal de {source} ({reason})&#x202f;; Coulisses réessaie à intervalles réguliers. L’interruption apparaîtra sur la chronologie.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/session.py" line="556"/>
        <source>{source} lost: {reason}</source>
        <translation>Plus de signal de {source}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/effort.py" line="128"/>
        <source>{s} s</source>
        <translation>{s}&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/termui.py" line="64"/>
        <source>{time} left</source>
        <translation>encore {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/effort.py" line="143"/>
        <source>{time} of work</source>
        <translation>{time} de travail</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/frame_files.py" line="69"/>
        <source>{total} frames numbered from 000001.jpg. Import them as an image sequence at {fps} frames per second ({seconds:.2f} s).</source>
        <translation>{total} images numérotées à partir de 000001.jpg. Importez-les comme séquence d’images à {fps} images par seconde ({seconds:.2f}&#xa0;s).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/options.py" line="118"/>
        <source>{value!r} is not a valid {option}; choose one of {allowed}.</source>
        <translation>{value!r} n’est pas une valeur valable pour {option}&#x202f;; choisissez parmi&#xa0;: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="24"/>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="25"/>
        <location filename="../../desktop/coulisses/os_errors.py" line="26"/>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="27"/>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="28"/>
        <source>part of the path is a file, not a folder</source>
        <translation>une partie du chemin est un fichier, pas un dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/storage.py" line="67"/>
        <location filename="../../desktop/coulisses/journal/storage.py" line="75"/>
        <location filename="../../desktop/coulisses/os_errors.py" line="29"/>
        <source>it is a folder, not a file</source>
        <translation>c’est un dossier, pas un fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="30"/>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="31"/>
        <source>that name is already taken</source>
        <translation>ce nom est déjà pris</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="32"/>
        <source>the name is too long</source>
        <translation>le nom est trop long</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="33"/>
        <location filename="../../desktop/coulisses/os_errors.py" line="49"/>
        <source>another program is using it</source>
        <translation>un autre programme l’utilise</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="34"/>
        <source>input/output error on the disk</source>
        <translation>erreur d’entrée-sortie sur le disque</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="35"/>
        <source>the folder is not empty</source>
        <translation>le dossier n’est pas vide</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="36"/>
        <source>the destination is on another disk, so it cannot be moved this way</source>
        <translation>la destination est sur un autre disque, le déplacement ne peut donc pas se faire ainsi</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="37"/>
        <location filename="../../desktop/coulisses/os_errors.py" line="38"/>
        <source>too many files are open at once</source>
        <translation>trop de fichiers sont ouverts en même temps</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="39"/>
        <source>too many symbolic links in the path</source>
        <translation>trop de liens symboliques dans le chemin</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="40"/>
        <source>the file is too large for this disk</source>
        <translation>le fichier est trop gros pour ce disque</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="41"/>
        <source>there is not enough memory</source>
        <translation>la mémoire ne suffit pas</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="42"/>
        <location filename="../../desktop/coulisses/os_errors.py" line="43"/>
        <source>the disk or device is not available</source>
        <translation>le disque ou l’appareil n’est pas disponible</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="44"/>
        <source>the name or the operation is not valid here</source>
        <translation>le nom ou l’opération n’est pas valide ici</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="47"/>
        <source>the disk quota is used up</source>
        <translation>le quota du disque est atteint</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="48"/>
        <source>the network folder is no longer available</source>
        <translation>le dossier réseau n’est plus disponible</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/os_errors.py" line="98"/>
        <source>{what} ({path})</source>
        <translation>{what} ({path})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/moment.py" line="44"/>
        <source>“{kind}” is not a kind of moment; use one of {kinds}</source>
        <translation>«&#xa0;{kind}&#xa0;» n’est pas un type de moment&#x202f;; utilisez l’un de ceux-ci&#xa0;: {kinds}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/editing.py" line="99"/>
        <source>“{kind}” is not a kind of moment; use one of {kinds}.</source>
        <translation>«&#xa0;{kind}&#xa0;» n’est pas un type de moment&#x202f;; utilisez l’un de ceux-ci&#xa0;: {kinds}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/pacing.py" line="322"/>
        <source>“{name}” has no stills yet; capture or import some before making a reel.</source>
        <translation>«&#xa0;{name}&#xa0;» n’a pas encore de photos&#x202f;; prenez-en ou importez-en avant de faire une vidéo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/i18n.py" line="65"/>
        <source>Unsupported language {code!r}; choose one of {choices}.</source>
        <translation>Langue non prise en charge {code!r}&#x202f;; choisissez parmi {choices}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/crafts.py" line="118"/>
        <source>Pottery</source>
        <translation>Poterie</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/crafts.py" line="119"/>
        <source>Woodwork</source>
        <translation>Travail du bois</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/crafts.py" line="120"/>
        <source>Painting</source>
        <translation>Peinture</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/crafts.py" line="121"/>
        <source>Sewing</source>
        <translation>Couture</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/crafts.py" line="122"/>
        <source>Printmaking</source>
        <translation>Gravure</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/crafts.py" line="123"/>
        <source>3D printing</source>
        <translation>Impression 3D</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/crafts.py" line="124"/>
        <source>Jewellery</source>
        <translation>Bijouterie</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/crafts.py" line="125"/>
        <source>Digital art</source>
        <translation>Art numérique</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/crafts.py" line="130"/>
        <source>Other craft</source>
        <translation>Autre métier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/fonts.py" line="33"/>
        <source>the caption font {path} is missing; reinstall Coulisses</source>
        <translation>la police des légendes {path} est introuvable&#x202f;; réinstallez Coulisses</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/layout.py" line="107"/>
        <source>unknown layout {mode!r}; choose one of {choices}</source>
        <translation>cadrage inconnu {mode!r}&#x202f;; choisissez parmi {choices}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/presets.py" line="129"/>
        <source>unknown preset {name!r}; choose one of {choices}</source>
        <translation>plateforme inconnue {name!r}&#x202f;; choisissez parmi {choices}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/codec.py" line="104"/>
        <source>it is not a JPEG file</source>
        <translation>ce n’est pas un fichier JPEG</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/codec.py" line="107"/>
        <source>the file is truncated</source>
        <translation>le fichier est tronqué</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/codec.py" line="115"/>
        <source>{path} cannot be read ({problem}); it was skipped</source>
        <translation>{path} ne peut pas être lu ({problem})&#x202f;; il a été ignoré</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/codec.py" line="120"/>
        <source>{path} cannot be used ({problem}); it was skipped</source>
        <translation>{path} est inutilisable ({problem})&#x202f;; il a été ignoré</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/codec.py" line="129"/>
        <source>{path} cannot be decoded as an image; it was skipped</source>
        <translation>{path} ne se décode pas comme une image&#x202f;; il a été ignoré</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="111"/>
        <source>{home} cannot be used as the journal folder ({path} is a file, not a folder); choose another folder</source>
        <translation>{home} ne peut pas servir de dossier pour le journal ({path} est un fichier, pas un dossier)&#x202f;; choisissez un autre dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="165"/>
        <source>no piece with id {id!r}</source>
        <translation>aucune pièce avec l’identifiant {id!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="169"/>
        <source>no piece {id!r} in {home}; `coulisses piece list` shows the pieces</source>
        <translation>aucune pièce {id!r} dans {home}&#x202f;; `coulisses piece list` liste les pièces</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="194"/>
        <source>{path} was damaged and has been repaired; try again</source>
        <translation>{path} était endommagé et a été réparé&#x202f;; réessayez</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="204"/>
        <location filename="../../desktop/coulisses/journal/journal.py" line="326"/>
        <source>a piece needs a name</source>
        <translation>une pièce a besoin d’un nom</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="232"/>
        <source>{path} is a link to a folder elsewhere; Coulisses only keeps pieces inside the journal folder, so it leaves it alone: move that folder into {pieces} to use it again.</source>
        <translation>{path} est un lien vers un dossier situé ailleurs&#x202f;; Coulisses ne garde des pièces que dans le dossier du journal, il n’y touche donc pas&#xa0;: déplacez ce dossier dans {pieces} pour l’utiliser de nouveau.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="270"/>
        <source>no piece called {name!r}; `coulisses piece list` shows the pieces</source>
        <translation>aucune pièce nommée {name!r}&#x202f;; `coulisses piece list` liste les pièces</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/stills.py" line="260"/>
        <location filename="../../desktop/coulisses/journal/journal.py" line="279"/>
        <location filename="../../desktop/coulisses/journal/journal.py" line="311"/>
        <source>{problem}; nothing was changed</source>
        <translation>{problem}&#x202f;; rien n’a été modifié</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="317"/>
        <source>this setting of the piece was changed elsewhere meanwhile</source>
        <translation>ce réglage de la pièce a été modifié ailleurs entre-temps</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="332"/>
        <source>the piece was renamed elsewhere meanwhile</source>
        <translation>la pièce a été renommée ailleurs entre-temps</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="539"/>
        <source>The still {old} had a name Coulisses could not use; it is now {new}.</source>
        <translation>La photo {old} avait un nom que Coulisses ne pouvait pas utiliser&#x202f;; elle s’appelle maintenant {new}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="553"/>
        <source>unknown moment kind {kind!r}; use one of {kinds}</source>
        <translation>type de moment inconnu {kind!r}&#x202f;; utilisez l’un de ceux-ci&#xa0;: {kinds}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="560"/>
        <location filename="../../desktop/coulisses/journal/journal.py" line="622"/>
        <source>a span must end at or after the still it starts from</source>
        <translation>une plage doit finir sur la photo où elle commence ou après</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="580"/>
        <location filename="../../desktop/coulisses/journal/journal.py" line="615"/>
        <location filename="../../desktop/coulisses/journal/journal.py" line="636"/>
        <source>no moment {moment!r} in piece {piece!r}</source>
        <translation>aucun moment {moment!r} dans la pièce {piece!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="596"/>
        <source>cannot change {fields} of a moment</source>
        <translation>impossible de modifier {fields} d’un moment</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="599"/>
        <location filename="../../desktop/coulisses/journal/journal.py" line="650"/>
        <source>unknown moment kind {kind!r}</source>
        <translation>type de moment inconnu {kind!r}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="604"/>
        <source>a moment&apos;s time must be a date and time</source>
        <translation>l’heure d’un moment doit être une date et une heure</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="652"/>
        <source>a moment needs an id</source>
        <translation>un moment a besoin d’un identifiant</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="660"/>
        <source>moment {id} was changed since; it cannot be put back as it was</source>
        <translation>le moment {id} a été modifié depuis&#x202f;; il ne peut pas être remis tel quel</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="726"/>
        <location filename="../../desktop/coulisses/journal/journal.py" line="919"/>
        <location filename="../../desktop/coulisses/journal/moving.py" line="136"/>
        <source>no still {id!r} in this piece</source>
        <translation>aucune photo {id!r} dans cette pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="764"/>
        <source>the cover was changed elsewhere meanwhile</source>
        <translation>la couverture a été changée ailleurs entre-temps</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="777"/>
        <source>the focus point was changed elsewhere meanwhile</source>
        <translation>le point de mire a été changé ailleurs entre-temps</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="780"/>
        <source>{focus!r} is not a focus point; give two numbers, x and y between 0 and 1</source>
        <translation>{focus!r} n’est pas un point de mise au point&#x202f;; donnez deux nombres, x et y entre 0 et 1</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="932"/>
        <source>this moment was changed elsewhere meanwhile</source>
        <translation>ce moment a été modifié ailleurs entre-temps</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="937"/>
        <source>this suggestion was dismissed or brought back elsewhere meanwhile</source>
        <translation>cette suggestion a été écartée ou rétablie ailleurs entre-temps</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="943"/>
        <source>some of these stills were hidden or shown elsewhere meanwhile</source>
        <translation>certaines de ces photos ont été masquées ou réaffichées ailleurs entre-temps</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/recovery.py" line="61"/>
        <source>its schema version is not a number</source>
        <translation>sa version de schéma n’est pas un nombre</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/recovery.py" line="63"/>
        <source>{path} was written by a newer Coulisses (schema {version}); update Coulisses to open this journal</source>
        <translation>{path} a été écrit par un Coulisses plus récent (schéma {version})&#x202f;; mettez Coulisses à jour pour ouvrir ce journal</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/recovery.py" line="120"/>
        <source>{path} was damaged ({reason}); it was moved to {aside} and Coulisses restored the version kept on {when} (changes made after that may be missing).</source>
        <translation>{path} était abîmé ({reason})&#x202f;; il a été déplacé vers {aside} et Coulisses a rétabli la version gardée le {when} (les modifications faites après manquent peut-être).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/recovery.py" line="125"/>
        <source>{path} was missing; Coulisses restored the version kept on {when} (changes made after that may be missing).</source>
        <translation>{path} manquait&#x202f;; Coulisses a rétabli la version gardée le {when} (les modifications faites après manquent peut-être).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/recovery.py" line="131"/>
        <source>{path} was damaged ({reason}); it was moved to {aside} and Coulisses started it afresh (no earlier version could be read: its moments, captions and hidden stills are gone, the stills are kept).</source>
        <translation>{path} était abîmé ({reason})&#x202f;; il a été déplacé vers {aside} et Coulisses l’a recommencé à neuf (aucune version antérieure n’a pu être lue&#xa0;: ses moments, légendes et photos masquées sont perdus, les photos sont conservées).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/recovery.py" line="136"/>
        <source>{path} was missing and no earlier version of it could be read; Coulisses started it afresh (its moments, captions and hidden stills are gone, the stills are kept).</source>
        <translation>{path} manquait et aucune version antérieure n’a pu être lue&#x202f;; Coulisses l’a recommencé à neuf (ses moments, légendes et photos masquées sont perdus, les photos sont conservées).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/journal.py" line="968"/>
        <source>{at!r} is neither “last”, a still id nor a date and time like 2026-11-23T14:05</source>
        <translation>{at!r} n’est ni «&#xa0;last&#xa0;», ni un identifiant de photo, ni une date et une heure comme 2026-11-23T14:05</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="125"/>
        <source>the stills are already in that piece; pick another piece</source>
        <translation>les photos sont déjà dans cette pièce&#x202f;; choisissez-en une autre</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="170"/>
        <source>the disk is full: moving these stills needs {kb} kB free; free some space and try again</source>
        <translation>le disque est plein&#xa0;: déplacer ces photos demande {kb}&#xa0;ko libres&#x202f;; libérez de la place et réessayez</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="178"/>
        <source>{id!r} is not a still id</source>
        <translation>{id!r} n’est pas un identifiant de photo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="244"/>
        <source>a file that is not a still has its name in the other piece</source>
        <translation>un fichier qui n’est pas une photo porte son nom dans l’autre pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="248"/>
        <source>it is not a plain file (a link?)</source>
        <translation>ce n’est pas un fichier ordinaire (un lien&#x202f;?)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="256"/>
        <location filename="../../desktop/coulisses/journal/moving.py" line="258"/>
        <location filename="../../desktop/coulisses/journal/moving.py" line="265"/>
        <source>another still took its name in the other piece</source>
        <translation>une autre photo a pris son nom dans l’autre pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="296"/>
        <source>its folder is a link to outside the journal</source>
        <translation>son dossier est un lien vers l’extérieur du journal</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="512"/>
        <source>A move of stills from piece {piece} could not be finished yet ({reason}); Coulisses will try again when the journal is next opened.</source>
        <translation>Un déplacement de photos depuis la pièce {piece} n’a pas encore pu être terminé ({reason})&#x202f;; Coulisses réessaiera à la prochaine ouverture du journal.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/journal/moving.py" line="526"/>
        <source>it failed %n time(s)</source>
        <translation>
            <numerusform>il a échoué %n fois</numerusform>
            <numerusform>il a échoué %n fois</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="579"/>
        <source>A move of stills from piece {piece} could not be finished ({reason}); its record was moved to {aside}. Every still is in one piece; check that the moments of the moved stills followed them.</source>
        <translation>Un déplacement de photos depuis la pièce {piece} n’a pas pu être terminé ({reason})&#x202f;; son enregistrement a été déplacé vers {aside}. Chaque photo est dans une seule pièce&#x202f;; vérifiez que les moments des photos déplacées les ont suivies.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="590"/>
        <location filename="../../desktop/coulisses/journal/moving.py" line="626"/>
        <source>it is not a move record Coulisses knows</source>
        <translation>ce n’est pas un enregistrement de déplacement que Coulisses connaît</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="594"/>
        <source>it names pieces that are not this move&apos;s</source>
        <translation>il nomme des pièces qui ne sont pas celles de ce déplacement</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="599"/>
        <source>it names stills that are not still ids</source>
        <translation>il nomme des photos par des identifiants qui n’en sont pas</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="603"/>
        <source>it moves a still twice</source>
        <translation>il déplace une photo deux fois</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="607"/>
        <source>a moment in it is not readable</source>
        <translation>un de ses moments est illisible</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="611"/>
        <source>the settings of a still in it are not readable</source>
        <translation>les réglages d’une de ses photos sont illisibles</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="614"/>
        <source>a dismissed suggestion in it is not readable</source>
        <translation>une de ses suggestions écartées est illisible</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="616"/>
        <source>its hidden stills are not stills it moves</source>
        <translation>ses photos masquées ne sont pas des photos qu’il déplace</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="618"/>
        <source>its cover is not a still it moves</source>
        <translation>sa couverture n’est pas une photo qu’il déplace</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="623"/>
        <location filename="../../desktop/coulisses/journal/moving.py" line="629"/>
        <source>a moment&apos;s span in it is not readable</source>
        <translation>l’étendue d’un de ses moments est illisible</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/moving.py" line="631"/>
        <source>a field is missing or is not what Coulisses expects</source>
        <translation>un champ manque ou n’est pas ce que Coulisses attend</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/piece_settings.py" line="150"/>
        <source>{key!r} is not a piece setting</source>
        <translation>{key!r} n’est pas un réglage de pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/piece_settings.py" line="156"/>
        <source>{value!r} is not a valid {key}</source>
        <translation>{value!r} n’est pas une valeur valide pour {key}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/sessions.py" line="78"/>
        <source>the gap that splits sessions must be a positive number of seconds</source>
        <translation>l’écart qui sépare les séances doit être un nombre de secondes positif</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/units.py" line="20"/>
        <source>empty duration</source>
        <translation>durée vide</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/units.py" line="26"/>
        <source>{text!r} is not a duration (try 10s, 5m, 2h or 1h30m)</source>
        <translation>{text!r} n’est pas une durée (essayez 10s, 5m, 2h ou 1h30m)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/units.py" line="31"/>
        <source>{text!r} must be longer than zero</source>
        <translation>{text!r} doit être supérieur à zéro</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/verify.py" line="100"/>
        <source>The root certificate {file} cannot be read ({problem}).</source>
        <translation>Impossible de lire le certificat racine {file} ({problem}).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/verify.py" line="106"/>
        <source>{file} is not a root certificate: a certificate file is text that starts with -----BEGIN CERTIFICATE----- (the root.pem the maker publishes).</source>
        <translation>{file} n’est pas un certificat racine&#xa0;: un fichier de certificat est un texte qui commence par -----BEGIN CERTIFICATE----- (le root.pem que publie l’auteur).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/errors.py" line="36"/>
        <source>{path} cannot be read ({reason})</source>
        <translation>Impossible de lire {path} ({reason})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/errors.py" line="47"/>
        <source>Coulisses cannot read {path} right now ({reason}); nothing was changed. Check that the disk or network folder is connected and that the file is kept on this computer, then try again.</source>
        <translation>Coulisses ne peut pas lire {path} pour l’instant ({reason})&#x202f;; rien n’a été modifié. Vérifiez que le disque ou le dossier réseau est connecté et que le fichier est gardé sur cet ordinateur, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/errors.py" line="60"/>
        <source>{path} is missing</source>
        <translation>{path} manque</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="41"/>
        <location filename="../../desktop/coulisses/journal/storage.py" line="123"/>
        <source>it is not a journal table file</source>
        <translation>ce n’est pas un fichier de tables du journal</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="44"/>
        <source>its table {name!r} is not a table</source>
        <translation>sa table {name!r} n’est pas une table</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="47"/>
        <source>its table {name!r} holds something that is not a record</source>
        <translation>sa table {name!r} contient autre chose qu’un enregistrement</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="53"/>
        <source>the piece has no name</source>
        <translation>la pièce n’a pas de nom</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="55"/>
        <source>the piece has no valid creation time</source>
        <translation>la pièce n’a pas de date de création valide</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="57"/>
        <source>the piece settings are not a set of settings</source>
        <translation>les réglages de la pièce ne sont pas un ensemble de réglages</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="63"/>
        <source>a moment has no id</source>
        <translation>un moment n’a pas d’identifiant</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="65"/>
        <source>moment {id} has an unknown kind</source>
        <translation>le moment {id} est d’un type inconnu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="67"/>
        <source>moment {id} has no valid time</source>
        <translation>le moment {id} n’a pas d’heure valide</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="69"/>
        <source>moment {id} has a caption that is not text</source>
        <translation>le moment {id} a une légende qui n’est pas du texte</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="71"/>
        <source>moment {id} has no valid creation time</source>
        <translation>le moment {id} n’a pas de date de création valide</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="73"/>
        <source>moment {id} points to a still in a way Coulisses cannot read</source>
        <translation>le moment {id} désigne une photo d’une façon que Coulisses ne sait pas lire</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="79"/>
        <source>a camera outage has no valid start</source>
        <translation>une coupure de caméra n’a pas de début valide</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="81"/>
        <source>a camera outage has an end that is not a time</source>
        <translation>une coupure de caméra a une fin qui n’est pas une heure</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="83"/>
        <source>a camera outage has a reason that is not text</source>
        <translation>une coupure de caméra a une raison qui n’est pas du texte</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="89"/>
        <source>the settings of a still are not readable</source>
        <translation>les réglages d’une photo sont illisibles</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="95"/>
        <source>a dismissed suggestion has no key</source>
        <translation>une suggestion écartée n’a pas de clé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/shape.py" line="104"/>
        <source>the list of hidden stills is not readable</source>
        <translation>la liste des photos masquées est illisible</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/storage.py" line="65"/>
        <source>it is a link to another file</source>
        <translation>c’est un lien vers un autre fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/storage.py" line="93"/>
        <source>it is not text Coulisses can read</source>
        <translation>ce n’est pas un texte que Coulisses sait lire</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/storage.py" line="98"/>
        <source>its text is not valid JSON at line {line}, column {column}</source>
        <translation>son texte n’est pas du JSON valide à la ligne {line}, colonne {column}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/tasks.py" line="112"/>
        <source>Coulisses could not use {path}: {problem}.</source>
        <translation>Coulisses n’a pas pu utiliser {path}&#xa0;: {problem}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/tasks.py" line="114"/>
        <source>Coulisses could not read or write a file: {problem}.</source>
        <translation>Coulisses n’a pas pu lire ou écrire un fichier&#xa0;: {problem}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/tasks.py" line="120"/>
        <source>Something unexpected went wrong inside Coulisses (the technical details were logged).</source>
        <translation>Une erreur inattendue s’est produite dans Coulisses (les détails techniques ont été consignés).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/journal/home.py" line="22"/>
        <source>The journal folder {folder} chosen in Preferences is not there; plug in the disk that holds it, or choose another folder in Preferences.</source>
        <translation>Le dossier du journal {folder} choisi dans les Préférences est introuvable&#x202f;; branchez le disque qui le contient, ou choisissez un autre dossier dans les Préférences.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/gap_kinds.py" line="58"/>
        <source>paused %n time(s): disk full</source>
        <translation>
            <numerusform>en pause %n fois&#xa0;: disque plein</numerusform>
            <numerusform>en pause %n fois&#xa0;: disque plein</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/gap_kinds.py" line="59"/>
        <source>paused %n time(s): write error</source>
        <translation>
            <numerusform>en pause %n fois&#xa0;: erreur d’écriture</numerusform>
            <numerusform>en pause %n fois&#xa0;: erreur d’écriture</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/timeline/gap_kinds.py" line="60"/>
        <source>camera or stream lost %n time(s)</source>
        <translation>
            <numerusform>caméra ou flux perdu %n fois</numerusform>
            <numerusform>caméra ou flux perdu %n fois</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/legacy.py" line="70"/>
        <source>Your signing keys were moved out of the journal {journal} to {folder}, a private folder of this computer; your fingerprint is unchanged. If another computer exports from this journal, copy that folder to it.</source>
        <translation>Vos clés de signature ont été sorties du journal {journal} et placées dans {folder}, un dossier privé de cet ordinateur&#x202f;; votre empreinte ne change pas. Si un autre ordinateur exporte depuis ce journal, copiez-y ce dossier.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/legacy.py" line="79"/>
        <source>The copy of your signing keys in the journal {journal} was removed: this computer keeps them in {folder}.</source>
        <translation>La copie de vos clés de signature dans le journal {journal} a été retirée&#xa0;: cet ordinateur les garde dans {folder}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/legacy.py" line="86"/>
        <source>The journal {journal} held signing keys other than this computer&apos;s; they were moved to {aside} and are not used: reels made here are signed with this computer&apos;s own keys.</source>
        <translation>Le journal {journal} contenait d’autres clés de signature que celles de cet ordinateur&#x202f;; elles ont été déplacées dans {aside} et ne servent pas&#xa0;: les vidéos faites ici sont signées avec les clés de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/legacy.py" line="93"/>
        <source>The signing keys in {folder} could not be moved out of the journal ({problem}); they were left there.</source>
        <translation>Les clés de signature de {folder} n’ont pas pu être sorties du journal ({problem})&#x202f;; elles y ont été laissées.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/legacy.py" line="104"/>
        <source>The folder of your signing keys, {folder}, is inside the journal folder {journal}, which is synced and backed up with everything in it; choose another journal folder in Preferences.</source>
        <translation>Le dossier de vos clés de signature, {folder}, est dans le dossier du journal {journal}, qui est synchronisé et sauvegardé avec tout ce qu’il contient&#x202f;; choisissez un autre dossier de journal dans les Préférences.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/names.py" line="58"/>
        <source>Give the name your reels are signed with: your name or your studio&apos;s, e.g. Atelier Terre et Bois.</source>
        <translation>Donnez le nom sous lequel vos vidéos sont signées&#xa0;: le vôtre ou celui de votre atelier, par exemple Atelier Terre et Bois.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/credentials/names.py" line="61"/>
        <source>The name your reels are signed with can be at most {n} characters long; shorten it.</source>
        <translation>Le nom sous lequel vos vidéos sont signées ne peut pas dépasser {n} caractères&#x202f;; raccourcissez-le.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/stills.py" line="56"/>
        <location filename="../../desktop/coulisses/journal/codec.py" line="130"/>
        <source>it cannot be decoded as an image</source>
        <translation>il ne peut pas être décodé comme une image</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/stills.py" line="57"/>
        <source>the still of {when} ({problem})</source>
        <translation>la photo du {when} ({problem})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/moments.py" line="91"/>
        <source>Every still of this piece is hidden, so the reel leaves this {kind} out: show its still in the timeline to keep it.</source>
        <translation>Toutes les photos de cette pièce sont masquées&#xa0;: la vidéo laissera donc de côté ce moment «&#xa0;{kind}&#xa0;». Affichez sa photo dans la chronologie pour le garder.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/moments.py" line="94"/>
        <source>The latest stills are hidden, so the {kind} is flagged on the last still shown, at {time}.</source>
        <translation>Les dernières photos sont masquées&#xa0;: le moment «&#xa0;{kind}&#xa0;» est donc marqué sur la dernière photo affichée, à {time}.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="55"/>
        <source>the moment was deleted elsewhere meanwhile</source>
        <translation>le moment a été supprimé ailleurs entre-temps</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/suggestions.py" line="588"/>
        <source>The piece&apos;s colour changed here and stayed changed (about {percent}% of the picture).</source>
        <translation>La couleur de la pièce a changé ici et n’est pas revenue (environ {percent}&#xa0;% de l’image).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/timeline/suggestions.py" line="590"/>
        <source>The piece changed shape here and stayed changed (about {percent}% of the picture).</source>
        <translation>La pièce a changé de forme ici et n’est pas revenue (environ {percent}&#xa0;% de l’image).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/reveal.py" line="91"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/export/reveal.py" line="91"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/video_import.py" line="407"/>
        <source>the video stops at {at} of its {total}: the last {lost} could not be read (a truncated copy?)</source>
        <translation>la vidéo s’arrête à {at} sur ses {total}&#xa0;: les dernières {lost} n’ont pas pu être lues (une copie tronquée&#x202f;?)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/video_import.py" line="426"/>
        <source>the video could not be decoded ({detail})</source>
        <translation>la vidéo n’a pas pu être décodée ({detail})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/video_meta.py" line="153"/>
        <source>the video cannot be read: it is truncated (an unfinished copy?) or damaged</source>
        <translation>la vidéo ne peut pas être lue&#xa0;: elle est tronquée (une copie inachevée&#x202f;?) ou abîmée</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/capture/video_meta.py" line="160"/>
        <source>the file has no video in it</source>
        <translation>le fichier ne contient pas de vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="16"/>
        <source>serve the phone page on the local network; prints its pairing URL</source>
        <translation>sert la page du téléphone sur le réseau local&#x202f;; affiche son adresse d’association</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="19"/>
        <source>piece id or name (default: the one worked on last)</source>
        <translation>identifiant ou nom de la pièce (par défaut&#xa0;: la dernière travaillée)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="21"/>
        <source>local-network address to listen on and print (default: this computer&apos;s)</source>
        <translation>adresse du réseau local où écouter, affichée (par défaut&#xa0;: celle de cet ordinateur)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="23"/>
        <source>port to listen on (default: {port})</source>
        <translation>port où écouter (par défaut&#xa0;: {port})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="34"/>
        <source>There is no piece yet: make one with `coulisses piece new NAME`.</source>
        <translation>Il n’y a encore aucune pièce&#xa0;: créez-en une avec `coulisses piece new NOM`.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="42"/>
        <source>Scan this code with the phone&apos;s camera, or open this address on it:</source>
        <translation>Scannez ce code avec l’appareil photo du téléphone, ou ouvrez cette adresse sur le téléphone&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="57"/>
        <source>the port must be a number from 0 to 65535</source>
        <translation>le port doit être un nombre de 0 à 65535</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="68"/>
        <source>The phone companion of {piece} is open at {address} (plain HTTP on your local network).</source>
        <translation>Le compagnon téléphone de {piece} est ouvert à l’adresse {address} (HTTP simple sur votre réseau local).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="72"/>
        <source>The code works once, within {minutes} minutes. Press Enter for a new one, Ctrl-C to stop.</source>
        <translation>Le code sert une seule fois, dans les {minutes} minutes. Appuyez sur Entrée pour en avoir un nouveau, Ctrl-C pour arrêter.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/commands/companion.py" line="80"/>
        <source>The phone companion is closed.</source>
        <translation>Le compagnon téléphone est fermé.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/companion/server.py" line="101"/>
        <source>The companion listens only on a local-network address, and {address} is not one: give a private address such as 192.168.1.20, or 127.0.0.1.</source>
        <translation>Le compagnon n’écoute que sur une adresse du réseau local, et {address} n’en est pas une&#xa0;: donnez une adresse privée comme 192.168.1.20, ou 127.0.0.1.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/companion/server.py" line="110"/>
        <source>The companion did not start in time.</source>
        <translation>Le compagnon n’a pas démarré à temps.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/companion/server.py" line="114"/>
        <source>The companion could not listen on {address} port {port}: {reason}. Try another port with --port, or another address.</source>
        <translation>Le compagnon n’a pas pu écouter sur {address} port {port}&#xa0;: {reason}. Essayez un autre port avec --port, ou une autre adresse.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/companion/server.py" line="196"/>
        <source>The computer could not do that just now; try again, or look at Coulisses on the computer.</source>
        <translation>L’ordinateur n’a pas pu le faire pour l’instant&#x202f;; réessayez, ou regardez Coulisses sur l’ordinateur.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/companion/server.py" line="244"/>
        <source>No piece is open.</source>
        <translation>Aucune pièce n’est ouverte.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/host.py" line="59"/>
        <location filename="../../desktop/coulisses/ui/companion/host.py" line="111"/>
        <source>The computer is busy; try again in a moment.</source>
        <translation>L’ordinateur est occupé&#x202f;; réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/host.py" line="121"/>
        <source>Another change to this piece is being saved; try again in a moment.</source>
        <translation>Une autre modification de cette pièce est en cours d’enregistrement&#x202f;; réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="44"/>
        <source>&amp;New piece…</source>
        <translation>&amp;Nouvelle pièce…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="46"/>
        <source>Import a &amp;folder of photos or videos…</source>
        <translation>Importer un &amp;dossier de photos ou de vidéos…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="51"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="50"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="52"/>
        <source>&amp;Start recording</source>
        <translation>&amp;Démarrer la prise de vue</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="48"/>
        <source>Check Content &amp;Credentials…</source>
        <translation>&amp;Vérifier des Content Credentials…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="56"/>
        <source>Flag {kind}</source>
        <translation>Marquer comme {kind}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="45"/>
        <source>&amp;Import photos or videos…</source>
        <translation>&amp;Importer des photos ou des vidéos…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="47"/>
        <source>Make the &amp;reel…</source>
        <translation>&amp;Créer la vidéo…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="49"/>
        <source>&amp;Phone companion…</source>
        <translation>Compagnon &amp;téléphone…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="53"/>
        <source>S&amp;top recording</source>
        <translation>&amp;Arrêter la prise de vue</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="57"/>
        <source>Show &amp;archived pieces</source>
        <translation>Afficher les pièces &amp;archivées</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/actions.py" line="54"/>
        <source>Snap &amp;now</source>
        <translation>Photo &amp;maintenant</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../desktop/coulisses/ui/banner.py" line="46"/>
        <source>Close this message</source>
        <translation>Fermer ce message</translation>
    </message>
</context>
<context>
    <name>CaptionDelegate</name>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="88"/>
        <source>Type, or ↓ for a caption starter</source>
        <translation>Tapez, ou ↓ pour un début de légende</translation>
    </message>
</context>
<context>
    <name>CaptionPrompt</name>
    <message>
        <location filename="../../desktop/coulisses/ui/moments.py" line="190"/>
        <source>Enter saves the caption · Escape skips it (add it later)</source>
        <translation>Entrée enregistre la légende · Échap la laisse pour plus tard</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/moments.py" line="189"/>
        <source>What happened? (optional)</source>
        <translation>Que s’est-il passé&#x202f;? (facultatif)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/moments.py" line="191"/>
        <source>Start with (click one, or press ↓):</source>
        <translation>Pour commencer (un clic, ou ↓)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/moments.py" line="197"/>
        <source>{kind} flagged</source>
        <translation>{kind}&#xa0;: moment marqué</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/moments.py" line="194"/>
        <source>{kind} flagged at {time}</source>
        <translation>{kind}&#xa0;: moment marqué à {time}</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="262"/>
        <source> s</source>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="298"/>
        <source>A phone over the network</source>
        <translation>Un téléphone par le réseau</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="250"/>
        <source>A still every</source>
        <translation>Une photo toutes les</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="299"/>
        <source>A video file</source>
        <translation>Un fichier vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="257"/>
        <source>A video file to take stills from</source>
        <translation>Un fichier vidéo d’où tirer les photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="258"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="48"/>
        <source>Camera {n}</source>
        <translation>Caméra {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="50"/>
        <source>Camera {n} — {name}</source>
        <translation>Caméra {n} — {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="339"/>
        <source>Choose a video file</source>
        <translation>Choisir un fichier vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="254"/>
        <source>Common phone apps: IP Webcam (Android) http://PHONE:8080/video · DroidCam http://PHONE:4747/video · RTSP apps rtsp://PHONE:8554/live. Phone and computer must be on the same Wi-Fi.</source>
        <translation>Applis courantes pour téléphone&#xa0;: IP Webcam (Android) http://TÉLÉPHONE:8080/video · DroidCam http://TÉLÉPHONE:4747/video · applis RTSP rtsp://TÉLÉPHONE:8554/live. Le téléphone et l’ordinateur doivent être sur le même Wi-Fi.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="267"/>
        <source>High sensitivity</source>
        <translation>Sensibilité élevée</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="269"/>
        <source>Live preview</source>
        <translation>Aperçu en direct</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="305"/>
        <source>Looking for cameras…</source>
        <translation>Recherche des caméras…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="429"/>
        <source>From {source} · a still every {interval} s</source>
        <translation>Depuis {source} · une photo toutes les {interval}&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="432"/>
        <source>skipping stills where nothing moves</source>
        <translation>photos où rien ne bouge ignorées</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="266"/>
        <source>Low sensitivity</source>
        <translation>Sensibilité faible</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="266"/>
        <source>Medium sensitivity</source>
        <translation>Sensibilité moyenne</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="308"/>
        <source>No camera was found on this computer. Plug one in, or use a phone over the network, a video file or the screen.</source>
        <translation>Aucune caméra trouvée sur cet ordinateur. Branchez-en une, ou utilisez un téléphone par le réseau, un fichier vidéo ou l’écran.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="275"/>
        <source>No preview</source>
        <translation>Pas d’aperçu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="263"/>
        <source>Skip stills where nothing moves</source>
        <translation>Ignorer les photos où rien ne bouge</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="272"/>
        <source>Snap now (F5)</source>
        <translation>Photo maintenant (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="247"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="270"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="271"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="248"/>
        <source>Stream URL</source>
        <translation>Adresse du flux</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="300"/>
        <source>The screen</source>
        <translation>L’écran</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="249"/>
        <source>Video file</source>
        <translation>Fichier vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="340"/>
        <source>Videos</source>
        <translation>Vidéos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="251"/>
        <source>When nothing moves</source>
        <translation>Quand rien ne bouge</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/capture/panel.py" line="252"/>
        <source>rtsp://… or http://… from the phone&apos;s camera app</source>
        <translation>rtsp://… ou http://… donnée par l’appli caméra du téléphone</translation>
    </message>
</context>
<context>
    <name>CompanionDialog</name>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/dialog.py" line="163"/>
        <source>No phone paired yet.</source>
        <translation>Aucun téléphone associé pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/dialog.py" line="179"/>
        <source>{name}, paired {paired}, last seen {seen}</source>
        <translation>{name}, associé le {paired}, vu pour la dernière fois le {seen}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/dialog.py" line="182"/>
        <source>{name}, paired {paired}</source>
        <translation>{name}, associé le {paired}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/dialog.py" line="200"/>
        <source>Phone companion</source>
        <translation>Compagnon téléphone</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/dialog.py" line="201"/>
        <source>Scan this code with your phone&apos;s camera, or type this address in its browser. The phone must be on the same network as this computer.</source>
        <translation>Scannez ce code avec l’appareil photo de votre téléphone, ou tapez cette adresse dans son navigateur. Le téléphone doit être sur le même réseau que cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/dialog.py" line="204"/>
        <source>The code works once, within {minutes} minutes; a new one replaces it by itself.</source>
        <translation>Le code sert une seule fois, dans les {minutes} minutes&#x202f;; un nouveau le remplace tout seul.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/dialog.py" line="208"/>
        <source>The page is served on your local network over plain HTTP while this window is open; closing it stops serving at once.</source>
        <translation>La page est servie sur votre réseau local en HTTP simple tant que cette fenêtre est ouverte&#x202f;; la fermer l’arrête aussitôt.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/dialog.py" line="211"/>
        <source>Paired phones:</source>
        <translation>Téléphones associés&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/companion/dialog.py" line="212"/>
        <source>Forget this phone</source>
        <translation>Oublier ce téléphone</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/coulisses/ui/crash_dialog.py" line="82"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/crash_dialog.py" line="69"/>
        <source>Coulisses could not start because of an unexpected error; your stored stills are safe. Please copy the details below into a bug report.</source>
        <translation>Coulisses n’a pas pu démarrer à cause d’une erreur inattendue&#x202f;; vos photos enregistrées ne risquent rien. Merci de copier les détails ci-dessous dans un rapport de bug.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/crash_dialog.py" line="71"/>
        <source>Something unexpected went wrong inside Coulisses. It keeps running and your stored stills are safe; if it happens again, copy the details below into a bug report.</source>
        <translation>Un problème inattendu est survenu dans Coulisses. L’application continue de fonctionner et vos photos enregistrées ne risquent rien&#x202f;; si cela se reproduit, copiez les détails ci-dessous dans un rapport de bug.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/crash_dialog.py" line="97"/>
        <source>This happened %n time(s).</source>
        <translation>
            <numerusform>C’est arrivé %n fois.</numerusform>
            <numerusform>C’est arrivé %n fois.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/crash_dialog.py" line="66"/>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
</context>
<context>
    <name>EditStack</name>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="505"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="504"/>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Rétablir&#xa0;: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="436"/>
        <source>“{action}” could not be undone: {reason}. It was left as it is.</source>
        <translation>«&#xa0;{action}&#xa0;» n’a pas pu être annulé&#xa0;: {reason}. Rien n’a été changé.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="438"/>
        <source>“{action}” could not be redone: {reason}. It was left as it is.</source>
        <translation>«&#xa0;{action}&#xa0;» n’a pas pu être rétabli&#xa0;: {reason}. Rien n’a été changé.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="445"/>
        <source>“{action}” could not be undone: {reason}</source>
        <translation>«&#xa0;{action}&#xa0;» n’a pas pu être annulé&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="446"/>
        <source>“{action}” could not be redone: {reason}</source>
        <translation>«&#xa0;{action}&#xa0;» n’a pas pu être rétabli&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="464"/>
        <source>{action}: {done} of {total}…</source>
        <translation>{action}&#xa0;: {done} sur {total}…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="468"/>
        <source>{action}…</source>
        <translation>{action}…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="503"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="506"/>
        <source>Edits to “{piece}”</source>
        <translation>Modifications de «&#xa0;{piece}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="508"/>
        <source>No piece chosen</source>
        <translation>Aucune pièce choisie</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="502"/>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Annuler&#xa0;: {action}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/commands.py" line="427"/>
        <source>“{action}” could not be done: {reason}</source>
        <translation>Impossible d’effectuer «&#xa0;{action}&#xa0;»&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>EffortPlot</name>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/effort_plot.py" line="49"/>
        <source>The arc of the piece appears once it has stills.</source>
        <translation>La courbe de la pièce apparaît dès qu’elle a des photos.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/effort_plot.py" line="52"/>
        <source>The arc appears once stills are less than {gap} apart: the time worked is measured between them.</source>
        <translation>La courbe apparaît dès que des photos sont prises à moins de {gap} d’intervalle&#xa0;: le temps de travail se mesure entre elles.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/effort_plot.py" line="81"/>
        <source>attempt {n}</source>
        <translation>tentative {n}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="281"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="496"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="243"/>
        <source>Captions in</source>
        <translation>Légendes en</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="376"/>
        <source>Captions in amber on the bar are shown for less time than they need to be read: make the reel longer or the caption shorter.</source>
        <translation>Les légendes en orange sur la barre restent moins longtemps à l’écran qu’il n’en faut pour les lire&#xa0;: allongez la vidéo ou raccourcissez la légende.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="276"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="284"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="283"/>
        <source>Copy the post text</source>
        <translation>Copier le texte de publication</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="245"/>
        <source>Before/after</source>
        <translation>Avant/après</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="255"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="256"/>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="257"/>
        <source>Wipe from one to the other</source>
        <translation>Volet de l’un à l’autre</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="258"/>
        <source>At the end</source>
        <translation>À la fin</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="259"/>
        <source>At the start</source>
        <translation>Au début</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="260"/>
        <source>The piece&apos;s first still beside its result, both framed on the focus point so the piece lines up; also a carousel slide.</source>
        <translation>La première photo de la pièce à côté de son résultat, toutes deux cadrées sur le point de mire pour que la pièce soit alignée&#x202f;; aussi une image du carrousel.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="264"/>
        <source>Ghost: the finished piece faintly over the first seconds</source>
        <translation>Fantôme&#xa0;: la pièce terminée en transparence sur les premières secondes</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="271"/>
        <source>Cover image</source>
        <translation>Image de couverture</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="314"/>
        <source>{platform} takes up to {minutes:g} min; short reels (15 to 30 s) are the ones the platforms push.</source>
        <translation>{platform} accepte jusqu’à {minutes:g}&#xa0;min&#x202f;; les vidéos courtes (15 à 30&#xa0;s) sont celles que les plateformes mettent en avant.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="317"/>
        <source>Carousel (up to {n} images)</source>
        <translation>Carrousel (jusqu’à {n} images)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="461"/>
        <source>Sign the reel as</source>
        <translation>Signer la vidéo au nom de</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="462"/>
        <source>Your name or your studio&apos;s, e.g. Atelier Terre et Bois</source>
        <translation>Votre nom ou celui de votre atelier, p. ex. Atelier Terre et Bois</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="464"/>
        <source>The name anyone who checks your reels&apos; Content Credentials sees. You can change it later in Preferences; your fingerprint stays the same.</source>
        <translation>Le nom que voit quiconque vérifie les Content Credentials de vos vidéos. Vous pourrez le changer dans les Préférences&#x202f;; votre empreinte reste la même.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="504"/>
        <source>Making the reel… {step}</source>
        <translation>Création de la vidéo… {step}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="522"/>
        <source>The reel was already made when you cancelled, so it is kept.</source>
        <translation>La vidéo était déjà faite quand vous avez annulé&#xa0;: elle est gardée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="542"/>
        <source>Signed with your Content Credentials (%n file(s)): anyone can check it was captured at your bench.</source>
        <translation>
            <numerusform>Signé avec vos Content Credentials (%n fichier)&#xa0;: chacun peut vérifier que c’est filmé à votre établi.</numerusform>
            <numerusform>Signé avec vos Content Credentials (%n fichiers)&#xa0;: chacun peut vérifier que c’est filmé à votre établi.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="563"/>
        <source>Cancelled: no reel was made and nothing was left behind.</source>
        <translation>Annulé&#xa0;: aucune vidéo n’a été faite et rien n’a été laissé.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="628"/>
        <source>Delete the folder {folder} and everything in it? The piece and its stills are not touched.</source>
        <translation>Supprimer le dossier {folder} et tout son contenu&#x202f;? La pièce et ses photos ne sont pas touchées.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="627"/>
        <source>Delete this export?</source>
        <translation>Supprimer cet export&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="288"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="517"/>
        <source>Done: {folder} ({seconds:.0f} s of video, made in {took:.0f} s).</source>
        <translation>Terminé&#xa0;: {folder} ({seconds:.0f}&#xa0;s de vidéo, produite en {took:.0f}&#xa0;s).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="265"/>
        <source>End card with the effort figures</source>
        <translation>Carton de fin avec les chiffres de l’effort</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="266"/>
        <source>Even out flicker between stills</source>
        <translation>Atténuer le scintillement entre les photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="250"/>
        <source>Fill the frame around the focus point</source>
        <translation>Remplir le cadre autour du point de mire</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="242"/>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="243"/>
        <source>Framing</source>
        <translation>Cadrage</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="244"/>
        <source>Into the folder</source>
        <translation>Dans le dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="242"/>
        <source>Length (seconds)</source>
        <translation>Durée (secondes)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="244"/>
        <source>Make</source>
        <translation>Produire</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="280"/>
        <source>Make it again</source>
        <translation>Recréer la vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="241"/>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="279"/>
        <source>Make the reel</source>
        <translation>Créer la vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="437"/>
        <source>Making the reel…</source>
        <translation>Création de la vidéo…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="509"/>
        <source>Making the reel… about {s} s left</source>
        <translation>Création de la vidéo… encore {s}&#xa0;s environ</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="269"/>
        <source>Numbered frames</source>
        <translation>Images numérotées</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="287"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="282"/>
        <source>Open its folder</source>
        <translation>Ouvrir son dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="286"/>
        <source>Past exports of this piece</source>
        <translation>Exports précédents de cette pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="278"/>
        <source>Play the reel</source>
        <translation>Lire la vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="271"/>
        <source>Post text</source>
        <translation>Texte de publication</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="277"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="270"/>
        <source>SRT captions</source>
        <translation>Sous-titres SRT</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="267"/>
        <source>Say in the post text that the reel carries Content Credentials</source>
        <translation>Indiquer dans le texte de publication que la vidéo porte des Content Credentials</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="254"/>
        <source>Show the result first</source>
        <translation>Montrer d’abord le résultat</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="252"/>
        <source>The app&apos;s language</source>
        <translation>Langue de l’application</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="575"/>
        <source>The post text is in the clipboard.</source>
        <translation>Le texte de publication est dans le presse-papiers.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="553"/>
        <source>The reel could not be made: {reason} Your choices are kept: press “Make the reel” to try again.</source>
        <translation>La vidéo n’a pas pu être créée&#xa0;: {reason} Vos choix sont conservés&#xa0;: cliquez sur «&#xa0;Créer la vidéo&#xa0;» pour réessayer.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="270"/>
        <source>VTT captions</source>
        <translation>Sous-titres VTT</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="269"/>
        <source>Video (MP4)</source>
        <translation>Vidéo (MP4)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="365"/>
        <source>Where should the reel go?</source>
        <translation>Où enregistrer la vidéo&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="251"/>
        <source>Whole still over a blurred copy</source>
        <translation>Photo entière sur une copie floue</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="545"/>
        <source>Your fingerprint, to publish on your shop or profile: {fingerprint}</source>
        <translation>Votre empreinte, à publier sur votre boutique ou votre profil&#xa0;: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="601"/>
        <source>folder gone</source>
        <translation>dossier disparu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="599"/>
        <source>{when} · carousel</source>
        <translation>{when} · carrousel</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/dialog.py" line="597"/>
        <source>{when} · {preset} · {seconds:.0f} s</source>
        <translation>{when} · {preset} · {seconds:.0f}&#xa0;s</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="72"/>
        <source>Import cancelled: every photo stored so far is kept.</source>
        <translation>Import annulé&#xa0;: toutes les photos déjà enregistrées sont conservées.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="47"/>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="59"/>
        <source>%n photo(s) imported</source>
        <translation>
            <numerusform>%n photo importée</numerusform>
            <numerusform>%n photos importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="61"/>
        <source>%n still(s) from videos</source>
        <translation>
            <numerusform>%n photo tirée de vidéos</numerusform>
            <numerusform>%n photos tirées de vidéos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="63"/>
        <source>%n already there</source>
        <translation>
            <numerusform>%n déjà présente</numerusform>
            <numerusform>%n déjà présentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="66"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n ignorée</numerusform>
            <numerusform>%n ignorées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="68"/>
        <source>%n without a time in their EXIF (file date used)</source>
        <translation>
            <numerusform>%n sans heure dans ses EXIF (date du fichier utilisée)</numerusform>
            <numerusform>%n sans heure dans leurs EXIF (date du fichier utilisée)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="80"/>
        <source>No EXIF time: {name}</source>
        <translation>Pas d’heure EXIF&#xa0;: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="84"/>
        <source>Clips of Live Photos left alone (their photo is the shot): {n}</source>
        <translation>Clips de Live Photos laissés de côté (leur photo est la prise de vue)&#xa0;: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="93"/>
        <source>{name}: already in the piece (the same file was imported before)</source>
        <translation>{name}&#xa0;: déjà dans la pièce (le même fichier a été importé avant)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="97"/>
        <source>{name}: already in the piece</source>
        <translation>{name}&#xa0;: déjà dans la pièce</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="99"/>
        <source>{name}: %n still(s), filmed from {start}</source>
        <translation>
            <numerusform>{name}&#xa0;: %n photo, filmée à partir du {start}</numerusform>
            <numerusform>{name}&#xa0;: %n photos, filmées à partir du {start}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="103"/>
        <source>%n idle still(s) skipped</source>
        <translation>
            <numerusform>%n photo immobile ignorée</numerusform>
            <numerusform>%n photos immobiles ignorées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="112"/>
        <source>Time: the filming date the file gives (with its time zone).</source>
        <translation>Heure&#xa0;: la date de tournage que donne le fichier (avec son fuseau horaire).</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="114"/>
        <source>Time: the creation time the file gives.</source>
        <translation>Heure&#xa0;: l’heure de création que donne le fichier.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="115"/>
        <source>Time: none in the file, so its file date was used, as the end of filming.</source>
        <translation>Heure&#xa0;: aucune dans le fichier, sa date de fichier a donc été prise comme fin du tournage.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="123"/>
        <source>A time-lapse at {speed}x, as the file says.</source>
        <translation>Un time-lapse accéléré {speed} fois, comme le dit le fichier.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="125"/>
        <source>A time-lapse at {speed}x, as you said.</source>
        <translation>Un time-lapse accéléré {speed} fois, comme vous l’avez dit.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="127"/>
        <source>A time-lapse of {real} of real work, as you said.</source>
        <translation>Un time-lapse de {real} de travail réel, comme vous l’avez dit.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="129"/>
        <source>Filmed in real time.</source>
        <translation>Filmée en temps réel.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="78"/>
        <location filename="../../desktop/coulisses/ui/importing/summary.py" line="91"/>
        <source>Skipped {name}: {reason}</source>
        <translation>{name} ignoré&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="304"/>
        <source>&amp;Capture</source>
        <translation>&amp;Prise de vue</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="303"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="257"/>
        <source>The folder watch of {piece} is paused: its folder was not chosen on this computer. Resume it on the Bench if the folder is yours.</source>
        <translation>La surveillance de dossier de {piece} est en pause&#xa0;: son dossier n’a pas été choisi sur cet ordinateur. Reprenez-la dans l’onglet Atelier si le dossier est à vous.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="302"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="305"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="414"/>
        <source>No picture</source>
        <translation>Pas d’image</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="533"/>
        <source>An import is already running; wait for it to finish or cancel it.</source>
        <translation>Un import est déjà en cours&#x202f;; attendez qu’il se termine ou annulez-le.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="306"/>
        <source>Bench</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="539"/>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="705"/>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="710"/>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="737"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="383"/>
        <source>Choose a source</source>
        <translation>Choisissez une source</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="538"/>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="589"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="572"/>
        <source>Photos and videos</source>
        <translation>Photos et vidéos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="579"/>
        <source>Import a folder of photos or videos</source>
        <translation>Importer un dossier de photos ou de vidéos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="588"/>
        <source>Importing {name}…</source>
        <translation>Import de {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="703"/>
        <source>Coulisses is recording. Keep recording in the tray?</source>
        <translation>La prise de vue est en cours. La laisser tourner depuis la zone de notification&#x202f;?</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="708"/>
        <source>Coulisses is recording. Stop recording and quit? Every still taken so far is kept.</source>
        <translation>La prise de vue est en cours. L’arrêter et quitter&#x202f;? Toutes les photos déjà prises sont conservées.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="529"/>
        <source>Create or choose a piece first: the photos will be added to it.</source>
        <translation>Créez ou choisissez d’abord une pièce&#xa0;: les photos y seront ajoutées.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="485"/>
        <source>Create or choose a piece first: the reel is made from its stills.</source>
        <translation>Créez ou choisissez d’abord une pièce&#xa0;: la vidéo est faite à partir de ses photos.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="571"/>
        <source>Import photos</source>
        <translation>Importer des photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="704"/>
        <source>Keep recording</source>
        <translation>Laisser tourner</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="383"/>
        <source>Live preview off</source>
        <translation>Aperçu en direct désactivé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="450"/>
        <source>Making the demo piece…</source>
        <translation>Création de la pièce de démonstration…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="472"/>
        <source>My first piece</source>
        <translation>Ma première pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="343"/>
        <source>No piece chosen</source>
        <translation>Aucune pièce choisie</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="735"/>
        <source>An import, an export or an edit is still running. Quit anyway? It will be cancelled; nothing already imported, exported or saved is lost.</source>
        <translation>Un import, un export ou une modification est en cours. Quitter quand même&#x202f;? Il sera annulé&#x202f;; rien de ce qui est déjà importé, exporté ou enregistré n’est perdu.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="737"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="715"/>
        <source>Still recording. The tray icon brings the window back.</source>
        <translation>La prise de vue continue. L’icône de la zone de notification rouvre la fenêtre.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="704"/>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="710"/>
        <source>Stop and quit</source>
        <translation>Arrêter et quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="461"/>
        <source>The demo piece could not be made: {reason}</source>
        <translation>La pièce de démonstration n’a pas pu être créée&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="604"/>
        <source>The import stopped: {reason}</source>
        <translation>L’import s’est arrêté&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="347"/>
        <source>This computer has no colour emoji font, so emoji show as boxes here. Nothing is lost: they are kept exactly as typed.</source>
        <translation>Cet ordinateur n’a pas de police d’émojis en couleur, les émojis s’affichent donc ici comme des carrés. Rien n’est perdu&#xa0;: ils sont conservés exactement tels que saisis.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="307"/>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/main_window/window.py" line="626"/>
        <source>Your preferences could not be saved: {reason}</source>
        <translation>Impossible d’enregistrer vos préférences&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>NewPieceDialog</name>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/craft_combo.py" line="80"/>
        <source>New piece</source>
        <translation>Nouvelle pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/craft_combo.py" line="81"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/craft_combo.py" line="82"/>
        <source>Craft:</source>
        <translation>Métier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/craft_combo.py" line="83"/>
        <source>Picks the caption starters offered after a flag and the hashtags of the post text.</source>
        <translation>Choisit les débuts de légende proposés quand un moment est marqué, et les hashtags du texte de publication.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/craft_combo.py" line="85"/>
        <source>e.g. Vase bleu #3</source>
        <translation>p. ex. Vase bleu #3</translation>
    </message>
</context>
<context>
    <name>PiecesPanel</name>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="113"/>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="215"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="254"/>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="109"/>
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="108"/>
        <source>No piece yet: create one to start capturing.</source>
        <translation>Aucune pièce pour l’instant&#xa0;: créez-en une pour commencer la prise de vue.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="107"/>
        <source>Pieces</source>
        <translation>Pièces</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="115"/>
        <source>Craft:</source>
        <translation>Métier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="116"/>
        <source>Picks the caption starters offered after a flag and the hashtags of the post text.</source>
        <translation>Choisit les débuts de légende proposés quand un moment est marqué, et les hashtags du texte de publication.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="254"/>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="262"/>
        <source>Rename piece</source>
        <translation>Renommer la pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="279"/>
        <source>Change craft</source>
        <translation>Changer de métier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="110"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="112"/>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="214"/>
        <source>Show again</source>
        <translation>Réafficher</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/pieces/panel.py" line="114"/>
        <source>Show archived pieces</source>
        <translation>Afficher les pièces archivées</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="167"/>
        <source>A new journal folder is used the next time Coulisses starts; nothing is moved or deleted.</source>
        <translation>Un nouveau dossier du journal ne sert qu’au prochain démarrage de Coulisses&#x202f;; rien n’est déplacé ni supprimé.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="157"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="162"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="193"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="269"/>
        <source>Camera {n}</source>
        <translation>Caméra {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="147"/>
        <source>Capture</source>
        <translation>Prise de vue</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="151"/>
        <source> s</source>
        <comment>unit suffix of a duration in seconds</comment>
        <translation>&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="174"/>
        <source>F11 or the phone&apos;s Result button makes the reel in the background with the piece&apos;s last export choices; it appears in the past exports and on the phone.</source>
        <translation>F11 ou le bouton Résultat du téléphone crée la vidéo en arrière-plan avec les derniers choix d’export de la pièce&#x202f;; elle apparaît dans les exports passés et sur le téléphone.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="179"/>
        <source>Your name or your studio&apos;s, e.g. Atelier Terre et Bois</source>
        <translation>Votre nom ou celui de votre atelier, p. ex. Atelier Terre et Bois</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="181"/>
        <source>Changing it keeps your fingerprint: reels signed before still check out.</source>
        <translation>Le changer garde votre empreinte&#xa0;: les vidéos signées avant restent vérifiables.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="183"/>
        <source>Signing keys:</source>
        <translation>Clés de signature&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="184"/>
        <source>Kept on this computer, outside the journal, readable by you alone: back up this folder on its own.</source>
        <translation>Gardées sur cet ordinateur, hors du journal, lisibles par vous seulement&#xa0;: sauvegardez ce dossier à part.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="285"/>
        <source>Choose a video file</source>
        <translation>Choisir un fichier vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="292"/>
        <source>Choose the journal folder</source>
        <translation>Choisir le dossier du journal</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="80"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="154"/>
        <source>Default source:</source>
        <translation>Source par défaut&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="163"/>
        <source>Default: {path}</source>
        <translation>Par défaut&#xa0;: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="149"/>
        <source>Export defaults</source>
        <translation>Export par défaut</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="204"/>
        <source>Fill the frame (crop)</source>
        <translation>Remplir le cadre (recadrer)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="88"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="172"/>
        <source>Framing:</source>
        <translation>Cadrage&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="200"/>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="148"/>
        <source>Journal and language</source>
        <translation>Journal et langue</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="84"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="161"/>
        <source>Journal folder:</source>
        <translation>Dossier du journal&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="85"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="169"/>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="90"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="173"/>
        <source>Make the reel when a Result is flagged</source>
        <translation>Faire la vidéo quand un résultat est marqué</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="200"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="200"/>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="195"/>
        <source>Network camera or video file</source>
        <translation>Caméra réseau ou fichier vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="81"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="158"/>
        <source>One still every:</source>
        <translation>Une photo toutes les&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="86"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="170"/>
        <source>Platform:</source>
        <translation>Plateforme&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="146"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="87"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="171"/>
        <source>Reel length:</source>
        <translation>Durée de la vidéo&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="194"/>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="83"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="160"/>
        <source>Sensitivity:</source>
        <translation>Sensibilité&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="89"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="178"/>
        <source>Signed as:</source>
        <translation>Signé au nom de&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/preferences.py" line="82"/>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="159"/>
        <source>Skip stills where nothing moved</source>
        <translation>Ignorer les photos où rien n’a bougé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="202"/>
        <source>System</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="286"/>
        <source>Videos ({patterns})</source>
        <translation>Vidéos ({patterns})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="205"/>
        <source>Whole picture over a blurred background</source>
        <translation>Photo entière sur un fond flou</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/preferences_dialog.py" line="156"/>
        <source>rtsp://192.168.1.20:8554/live or a video file</source>
        <translation>rtsp://192.168.1.20:8554/live ou un fichier vidéo</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../desktop/coulisses/ui/qt_gaps.py" line="17"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/qt_gaps.py" line="18"/>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/qt_gaps.py" line="19"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/coulisses/ui/qt_gaps.py" line="15"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/qt_gaps.py" line="16"/>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ReelPlayer</name>
    <message>
        <location filename="../../desktop/coulisses/ui/export/player.py" line="60"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/export/player.py" line="60"/>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="175"/>
        <source>Accept as a struggle</source>
        <translation>Accepter comme difficulté</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="165"/>
        <source>Caption</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="172"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="176"/>
        <source>Dismiss</source>
        <translation>Écarter</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="165"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="164"/>
        <source>Moments (double-click a caption to edit it)</source>
        <translation>Moments (double-clic sur une légende pour la modifier)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="171"/>
        <source>Move to this still</source>
        <translation>Déplacer ici</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="173"/>
        <source>Suggested moments (likely struggles)</source>
        <translation>Moments suggérés (difficultés probables)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="165"/>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="174"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/side_panel.py" line="174"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
</context>
<context>
    <name>StillView</name>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/still_view.py" line="155"/>
        <source>Choose a still in the strip.</source>
        <translation>Choisissez une photo dans le bandeau.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/still_view.py" line="210"/>
        <location filename="../../desktop/coulisses/ui/timeline/still_view.py" line="290"/>
        <source>Hidden: never in a reel</source>
        <translation>Masquée&#xa0;: jamais dans une vidéo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/still_view.py" line="233"/>
        <source>Drag around the piece</source>
        <translation>Tracez un cadre autour de la pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/still_view.py" line="242"/>
        <source>Before · {time}</source>
        <translation>Avant · {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/still_view.py" line="243"/>
        <source>After · {time}</source>
        <translation>Après · {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/still_view.py" line="154"/>
        <location filename="../../desktop/coulisses/ui/timeline/still_view.py" line="276"/>
        <source>This still cannot be read.</source>
        <translation>Cette photo est illisible.</translation>
    </message>
</context>
<context>
    <name>StripView</name>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/strip_view.py" line="245"/>
        <source>No still yet: start a capture or import photos.</source>
        <translation>Aucune photo pour l’instant&#xa0;: lancez une prise de vue ou importez des photos.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/strip_view.py" line="327"/>
        <source>Session {n}</source>
        <translation>Séance {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/strip_view.py" line="348"/>
        <source>paused
{n} min</source>
        <translation>en pause
{n} min</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/strip_view.py" line="277"/>
        <source>hidden</source>
        <translation>masquée</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/strip_view.py" line="347"/>
        <source>lost
{n} min</source>
        <translation>coupure
{n}&#xa0;min</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="607"/>
        <source>Accept suggestion</source>
        <translation>Accepter la suggestion</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="589"/>
        <source>Change kind to {kind}</source>
        <translation>Changer le type en «&#xa0;{kind}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="602"/>
        <source>Delete moment</source>
        <translation>Supprimer le moment</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="610"/>
        <source>Dismiss suggestion</source>
        <translation>Écarter la suggestion</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="584"/>
        <source>Edit caption</source>
        <translation>Modifier la légende</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="209"/>
        <source>Every still</source>
        <translation>Toutes les photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="214"/>
        <source>Flag as…</source>
        <translation>Marquer…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="222"/>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="660"/>
        <source>Draw the piece&apos;s area</source>
        <translation>Délimiter la pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="224"/>
        <source>Drag around the piece on the still: suggested moments look for changes there</source>
        <translation>Tracez un cadre autour de la pièce sur la photo&#xa0;: les moments suggérés y cherchent les changements</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="225"/>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="668"/>
        <source>Forget the piece&apos;s area</source>
        <translation>Oublier le cadre de la pièce</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="534"/>
        <source>Show these %n stills</source>
        <translation>
            <numerusform>Réafficher cette photo</numerusform>
            <numerusform>Réafficher ces %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="536"/>
        <source>Hide these %n stills</source>
        <translation>
            <numerusform>Masquer cette photo</numerusform>
            <numerusform>Masquer ces %n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="558"/>
        <source>Flag {kind}</source>
        <translation>Marquer comme {kind}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="684"/>
        <source>Move %n still(s) to:</source>
        <translation>
            <numerusform>Déplacer %n photo vers&#xa0;:</numerusform>
            <numerusform>Déplacer %n photos vers&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="691"/>
        <source>Move %n still(s) to another piece</source>
        <translation>
            <numerusform>Déplacer %n photo vers une autre pièce</numerusform>
            <numerusform>Déplacer %n photos vers une autre pièce</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="221"/>
        <source>Focus for the whole piece</source>
        <translation>Point de mire pour toute la pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="621"/>
        <source>Hide stills</source>
        <translation>Masquer des photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="539"/>
        <source>Hide this still</source>
        <translation>Masquer la photo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="416"/>
        <source>Jump to…</source>
        <translation>Aller à…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="597"/>
        <source>Move moment</source>
        <translation>Déplacer le moment</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="683"/>
        <source>Move to another piece</source>
        <translation>Déplacer vers une autre pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="219"/>
        <source>Move to another piece…</source>
        <translation>Vers une autre pièce…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="210"/>
        <source>One per minute</source>
        <translation>Une par minute</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="211"/>
        <source>One per session</source>
        <translation>Une par séance</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="421"/>
        <source>Session {n} — {date}</source>
        <translation>Séance {n} — {date}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="220"/>
        <source>Set as cover</source>
        <translation>En couverture</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="628"/>
        <source>Set cover</source>
        <translation>Choisir la couverture</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="635"/>
        <source>Set the piece&apos;s focus point</source>
        <translation>Placer le point de mire de la pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="639"/>
        <source>Set this still&apos;s focus point</source>
        <translation>Placer le point de mire de cette photo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="621"/>
        <source>Show stills</source>
        <translation>Réafficher des photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="538"/>
        <source>Show this still</source>
        <translation>Réafficher la photo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="679"/>
        <source>There is no other piece to move these stills to: create one first.</source>
        <translation>Il n’y a pas d’autre pièce où déplacer ces photos&#xa0;: créez-en une d’abord.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="503"/>
        <source>cover</source>
        <translation>couverture</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="499"/>
        <source>from {source}</source>
        <translation>source&#xa0;: {source}</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/timeline/page.py" line="501"/>
        <source>session {n}</source>
        <translation>séance {n}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../desktop/coulisses/ui/tray.py" line="79"/>
        <source>Flag struggle</source>
        <translation>Marquer une difficulté</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/tray.py" line="81"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/tray.py" line="71"/>
        <source>Show Coulisses</source>
        <translation>Afficher Coulisses</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/tray.py" line="77"/>
        <source>Snap now</source>
        <translation>Photo maintenant</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/tray.py" line="73"/>
        <source>Start recording</source>
        <translation>Démarrer la prise de vue</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/tray.py" line="75"/>
        <source>Stop recording</source>
        <translation>Arrêter la prise de vue</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="80"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="74"/>
        <source>Check Content Credentials</source>
        <translation>Vérifier des Content Credentials</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="88"/>
        <source>Choose a file to check</source>
        <translation>Choisir un fichier à vérifier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="77"/>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="75"/>
        <source>Drop a reel (MP4) or an image (JPEG) here to see who signed it, how it was made, and whether it changed since.</source>
        <translation>Déposez ici une vidéo (MP4) ou une image (JPEG) pour voir qui l’a signée, comment elle a été faite et si elle a changé depuis.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="100"/>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="89"/>
        <source>Reels and images</source>
        <translation>Vidéos et images</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="94"/>
        <source>The maker&apos;s root certificate</source>
        <translation>Le certificat racine de l’auteur</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="78"/>
        <source>The maker&apos;s root certificate (optional), to check who signed</source>
        <translation>Le certificat racine de l’auteur (facultatif), pour vérifier qui a signé</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/verify_view.py" line="115"/>
        <source>This file could not be checked: {reason}</source>
        <translation>Ce fichier n’a pas pu être vérifié&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>VideoPaceDialog</name>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="85"/>
        <source>Filmed in real time, or a time-lapse?</source>
        <translation>Filmée en temps réel, ou un time-lapse&#x202f;?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="88"/>
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="90"/>
        <source>%n video(s) do not say how fast they were filmed: {names}. A phone&apos;s time-lapse plays hours of work in seconds; say which it is, so each still is placed at the time it shows.</source>
        <translation>
            <numerusform>%n vidéo ne dit pas à quelle vitesse elle a été filmée&#xa0;: {names}. Un time-lapse de téléphone montre des heures de travail en quelques secondes&#x202f;; dites ce qu’il en est, pour que chaque photo soit placée à l’heure qu’elle montre.</numerusform>
            <numerusform>%n vidéos ne disent pas à quelle vitesse elles ont été filmées&#xa0;: {names}. Un time-lapse de téléphone montre des heures de travail en quelques secondes&#x202f;; dites ce qu’il en est, pour que chaque photo soit placée à l’heure qu’elle montre.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="94"/>
        <source>It has no sound, as a phone&apos;s time-lapses.</source>
        <translation>Elle n’a pas de son, comme les time-lapses de téléphone.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="95"/>
        <source>They have no sound, as a phone&apos;s time-lapses.</source>
        <translation>Elles n’ont pas de son, comme les time-lapses de téléphone.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="99"/>
        <source>Filmed in real time (an ordinary video of {length})</source>
        <translation>Filmée en temps réel (une vidéo ordinaire de {length})</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="102"/>
        <source>Filmed in real time (ordinary videos)</source>
        <translation>Filmées en temps réel (des vidéos ordinaires)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="103"/>
        <source>A time-lapse, sped up</source>
        <translation>Un time-lapse, accéléré</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="104"/>
        <source> times</source>
        <translation> fois</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="105"/>
        <source>A time-lapse of this much real work:</source>
        <translation>Un time-lapse de ce temps de travail réel&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="106"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="107"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/pace_dialog.py" line="108"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>WatchRow</name>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/watch.py" line="140"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/watch.py" line="141"/>
        <source>Resume watching</source>
        <translation>Reprendre la surveillance</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/watch.py" line="166"/>
        <source>The folder where new photos arrive</source>
        <translation>Le dossier où arrivent les nouvelles photos</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/watch.py" line="215"/>
        <source>Watching paused: this journal asks to import the photos in {folder}, a folder not chosen on this computer. Resume only if it is yours.</source>
        <translation>Surveillance en pause&#xa0;: ce journal demande d’importer les photos de {folder}, un dossier qui n’a pas été choisi sur cet ordinateur. Ne la reprenez que s’il est à vous.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/coulisses/ui/importing/watch.py" line="223"/>
        <source>Watching — last photo at {time} (%n imported)</source>
        <translation>
            <numerusform>Surveillance — dernière photo à {time} (%n importée)</numerusform>
            <numerusform>Surveillance — dernière photo à {time} (%n importées)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/watch.py" line="139"/>
        <source>Watch a folder for new photos</source>
        <translation>Surveiller les nouvelles photos d’un dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/watch.py" line="227"/>
        <source>Watching — no new photo yet</source>
        <translation>Surveillance en cours — pas encore de nouvelle photo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/importing/watch.py" line="211"/>
        <source>no folder chosen</source>
        <translation>aucun dossier choisi</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="204"/>
        <source>Camera found: {names}. Point it at your work, a little above, with steady light.</source>
        <translation>Caméra trouvée&#xa0;: {names}. Orientez-la vers votre travail, un peu au-dessus, avec une lumière stable.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="163"/>
        <source>Coulisses sits at your bench and takes a still every few seconds, skipping the minutes where nothing moves. When things go wrong (or right), press F8 to F11: the moment is kept with its caption. When the piece is done, it makes an honest vertical reel of the whole story. Start with the piece you are making now.</source>
        <translation>Coulisses s’installe dans votre atelier et prend une photo toutes les quelques secondes, en sautant les minutes où rien ne bouge. Quand quelque chose tourne mal (ou bien), appuyez sur une touche de F8 à F11&#xa0;: le moment est gardé avec sa légende. Quand la pièce est terminée, Coulisses en tire une vidéo verticale honnête qui raconte toute l’histoire. Commencez par la pièce que vous êtes en train de faire.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="168"/>
        <source>Craft:</source>
        <translation>Métier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="169"/>
        <source>Sign your reels as:</source>
        <translation>Signer vos vidéos au nom de&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="170"/>
        <source>Your name or your studio&apos;s, e.g. Atelier Terre et Bois</source>
        <translation>Votre nom ou celui de votre atelier, p. ex. Atelier Terre et Bois</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="172"/>
        <source>The name anyone who checks your reels&apos; Content Credentials sees. You can change it later in Preferences; your fingerprint stays the same.</source>
        <translation>Le nom que voit quiconque vérifie les Content Credentials de vos vidéos. Vous pourrez le changer dans les Préférences&#x202f;; votre empreinte reste la même.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="176"/>
        <source>What you make: it picks the caption starters and the hashtags offered for your posts.</source>
        <translation>Votre métier&#xa0;: il choisit les débuts de légende et les hashtags proposés pour vos publications.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="178"/>
        <source>Create my first piece</source>
        <translation>Créer ma première pièce</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="179"/>
        <source>Give your piece a name first, e.g. Vase bleu #3: it names its folder, its timeline and its reel.</source>
        <translation>Donnez d’abord un nom à votre pièce, p. ex. Vase bleu #3&#xa0;: il nomme son dossier, sa chronologie et sa vidéo.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="182"/>
        <source>Import photos instead…</source>
        <translation>Importer plutôt des photos…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="183"/>
        <source>Capture from:</source>
        <translation>Prendre les photos avec&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="185"/>
        <source>The address the phone&apos;s camera app shows, e.g. http://192.168.1.20:8080/video</source>
        <translation>L’adresse qu’affiche l’appli caméra du téléphone, p. ex. http://192.168.1.20:8080/video</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="201"/>
        <source>Looking for cameras…</source>
        <translation>Recherche des caméras…</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="208"/>
        <source>No camera was found on this computer. You can use a phone as a camera over the network (type the address its camera app shows below), import the photos your phone takes, or try the demo piece.</source>
        <translation>Aucune caméra trouvée sur cet ordinateur. Vous pouvez utiliser un téléphone comme caméra par le réseau (tapez ci-dessous l’adresse qu’affiche son appli caméra), importer les photos prises avec votre téléphone, ou essayer la pièce de démonstration.</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="218"/>
        <source>A phone over the network</source>
        <translation>Un téléphone par le réseau</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="167"/>
        <source>Name of your piece, e.g. Vase bleu #3</source>
        <translation>Nom de votre pièce, p. ex. Vase bleu #3</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="181"/>
        <source>Try the demo piece</source>
        <translation>Essayer la démo</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="161"/>
        <source>Welcome to Coulisses</source>
        <translation>Bienvenue dans Coulisses</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/ui/welcome.py" line="203"/>
        <source>camera {n}</source>
        <translation>caméra {n}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="18"/>
        <source>usage: </source>
        <translation>usage&#xa0;: </translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="19"/>
        <source>positional arguments</source>
        <translation>arguments positionnels&#xa0;</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="20"/>
        <source>options</source>
        <translation>options&#xa0;</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="21"/>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="22"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s&#xa0;: %(message)s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="23"/>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus&#xa0;: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="24"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>option ambiguë&#xa0;: %(option)s peut correspondre à %(matches)s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="25"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix invalide&#xa0;: «&#xa0;%(value)s&#xa0;» (choisissez parmi %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="26"/>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>impossible d’ouvrir «&#xa0;%(filename)s&#xa0;»&#xa0;: %(error)s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="27"/>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="28"/>
        <source>expected at most one argument</source>
        <translation>au plus un argument attendu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="29"/>
        <source>expected at least one argument</source>
        <translation>au moins un argument attendu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="30"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s invalide&#xa0;: «&#xa0;%(value)s&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="31"/>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s&#xa0;: erreur&#xa0;: %(message)s
</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="32"/>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>commande inconnue «&#xa0;%(parser_name)s&#xa0;» (choix&#xa0;: %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="33"/>
        <source>the following arguments are required: %s</source>
        <translation>ces arguments sont obligatoires&#xa0;: %s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="34"/>
        <source>one of the arguments %s is required</source>
        <translation>l’un des arguments %s est obligatoire</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="35"/>
        <source>not allowed with argument %s</source>
        <translation>interdit avec l’argument %s</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="36"/>
        <source>ignored explicit argument %r</source>
        <translation>argument explicite ignoré&#xa0;: «&#xa0;%s&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="37"/>
        <source>expected %s argument</source>
        <translation>%s argument attendu</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/argparse_text.py" line="38"/>
        <source>expected %s arguments</source>
        <translation>%s arguments attendus</translation>
    </message>
</context>
<context>
    <name>moment-kind</name>
    <message>
        <location filename="../../desktop/coulisses/labels.py" line="11"/>
        <source>fix</source>
        <translation>correction</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/labels.py" line="12"/>
        <source>milestone</source>
        <translation>étape</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/labels.py" line="14"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/labels.py" line="13"/>
        <source>result</source>
        <translation>résultat</translation>
    </message>
    <message>
        <location filename="../../desktop/coulisses/labels.py" line="10"/>
        <source>struggle</source>
        <translation>difficulté</translation>
    </message>
</context>
</TS>
