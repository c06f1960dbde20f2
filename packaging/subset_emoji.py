"""Make assets/fonts/NotoColorEmoji-Coulisses.ttf: the emoji makers type, in colour.

Run at commit time, not at build or run time (fontTools is not a dependency of
Coulisses): python packaging/subset_emoji.py [--source PATH]

The source is Noto Color Emoji (OFL 1.1) as Debian's fonts-noto-color-emoji
ships it (11 MB, ~3,900 glyphs). Only the glyphs listed in EMOJI below are
kept, each sequence (ZWJ, skin tone, flag) resolved to its own ligature glyph,
so that the font stays a few hundred KB: a layout closure over every
component would pull in every family, kiss and skin-tone combination.
The kept sequences are written beside the font (one per line) and a test
checks that each one still draws as a single colour glyph.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "fonts" / "NotoColorEmoji-Coulisses.ttf"
LIST = ROOT / "assets" / "fonts" / "NotoColorEmoji-Coulisses.sequences.txt"

TONES = ["\U0001f3fb", "\U0001f3fc", "\U0001f3fd", "\U0001f3fe", "\U0001f3ff"]
ZWJ, VS16 = "\u200d", "\ufe0f"

FACES = ("😀😁😂😃😄😅😆😇😉😊😋😌😍😎😏😐😒😓😔😕😖😘😜😞😟😠😡😢😣😤😥😩😫"
         "😬😭😮😱😲😳😴😵😶🙁🙂🙃🙄🤔🤗🤩🤯🥰🥲🥳🥹🥺🫠🤦🤷💀")
HANDS_TONED = "👍👏🙏💪👋"
HANDS = "👎🙌👌🤞✌🤝🫶"
HEARTS = "❤🧡💛💚💙💜🖤🤍💔💕💖💯"
TOOLS = "🔧🔨🛠🪚🪛⚙🧰🧵🧶🪡✂🎨🖌✏📐📏🔥💧🏺🪴🧱🪵🧪🕯🧽🧤"
OBJECTS = "📷📸🎥💡⏰⏳⌛📦🎁🏆🥇🎉🎊✨⭐🌟💫💥💤💬📌📅📝🔍🛒💰👗💍🖼🎵🎶📖🎯🧩"
NATURE = "🌸🌻🌷🌹🌿🍃🌱🌳🍂🌵🌈☀🌙☁🌧❄🌊🐱🐶🐝🦋🍄"
FOOD = "☕🍵🍰🍪🍎🍋🍓🍕🥐🍷🥂🍫"
SYMBOLS = "✅❌❗❓‼⚠🚫🔴🟢🔵🔁➡⬅⬆⬇✔➕🆕"
FLAGS = ["🇫🇷", "🇧🇪", "🇨🇭", "🇨🇦", "🇬🇧", "🇺🇸", "🇩🇪", "🇮🇹", "🇪🇸", "🇯🇵", "🇪🇺", "🇲🇦",
         "🇺🇦"]
# People at work (ZWJ sequences): the mechanic with every skin tone, the artist plain.
MAKERS = ["🧑" + ZWJ + "🔧", "👩" + ZWJ + "🔧", "👨" + ZWJ + "🔧"]
ARTISTS = ["🧑" + ZWJ + "🎨", "👩" + ZWJ + "🎨", "👨" + ZWJ + "🎨"]
OTHER_ZWJ = ["❤" + VS16 + ZWJ + "🔥", "❤" + VS16 + ZWJ + "🩹", "🏳" + VS16 + ZWJ + "🌈",
             *ARTISTS]


def sequences() -> list[str]:
    out: list[str] = []
    for block in (FACES, HANDS, HEARTS, TOOLS, OBJECTS, NATURE, FOOD, SYMBOLS):
        out.extend(block)
    for hand in HANDS_TONED:
        out.append(hand)
        out.extend(hand + tone for tone in TONES)
    for seq in MAKERS:
        person, job = seq.split(ZWJ)
        out.append(seq)
        out.extend(person + tone + ZWJ + job for tone in TONES)
    out.extend(TONES)  # a tone typed on its own shows as its swatch
    out.extend(FLAGS)
    out.extend(OTHER_ZWJ)
    return list(dict.fromkeys(out))


def ligatures(font: TTFont) -> dict[tuple[str, ...], str]:
    """Every ligature of the font's GSUB: (first glyph, *components) -> ligature glyph."""
    out: dict[tuple[str, ...], str] = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            if type(table).__name__ != "LigatureSubst":
                continue
            for first, ligs in table.ligatures.items():
                for lig in ligs:
                    out[(first, *lig.Component)] = lig.LigGlyph
    return out


def resolve(font: TTFont, seq: str, ligs: dict[tuple[str, ...], str]) -> str:
    """The glyph that draws ``seq`` (the font drops U+FE0F before its ligatures)."""
    cmap = font.getBestCmap()
    names = tuple(cmap[ord(c)] for c in seq if c != VS16)
    if len(names) == 1:
        return names[0]
    if names not in ligs:
        raise SystemExit(f"{seq!r} ({' '.join(f'U+{ord(c):04X}' for c in seq)}) has no "
                         "single glyph in the source font")
    return ligs[names]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=SOURCE)
    args = ap.parse_args()
    font = TTFont(args.source)
    ligs = ligatures(font)
    seqs = sequences()
    glyphs = {resolve(font, s, ligs) for s in seqs}
    # No U+0020: with a space of its own, Qt's fallback (which lists this family after
    # the text font) drew every space of the window in the emoji font, far too wide.
    unicodes = {ord(c) for s in seqs for c in s}
    cmap = font.getBestCmap()
    glyphs |= {cmap[u] for u in unicodes if u in cmap}
    opts = subset.Options()
    opts.layout_closure = False  # keep exactly the listed ligatures
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.drop_tables = [t for t in opts.drop_tables if t not in ("CBDT", "CBLC")]
    sub = subset.Subsetter(opts)
    sub.populate(glyphs=sorted(glyphs), unicodes=sorted(unicodes))
    sub.subset(font)
    font.recalcTimestamp = False  # the same list makes the same bytes
    tmp = OUT.with_suffix(".tmp")
    font.save(tmp)
    tmp.replace(OUT)
    # as phones type them: a symbol below U+1F000 with U+FE0F, asking for colour
    LIST.write_text("".join(s + (VS16 if len(s) == 1 and ord(s) < 0x1F000 else "") + "\n"
                            for s in seqs), encoding="utf-8")
    print(f"{OUT.name}: {len(seqs)} emoji, {len(font.getGlyphOrder())} glyphs, "
          f"{OUT.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
