#!/usr/bin/env python3
"""Renders a terminal screen captured with `tmux capture-pane -e -p` to a PNG.

Understands the SGR sequences tmux writes: 16/256/24-bit foreground, background and
underline colours (38/48/58), bold, italic, dim, reverse, strikethrough, and underline
styles (4, 4:3 curly, 21 double). Needs Pillow and the DejaVu Sans Mono fonts
(Debian: fonts-dejavu-core).

    ansi2png.py SCREEN.ansi OUT.png [--cols N] [--rows N] [--font-size PX]
"""
import argparse
import re
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
DEFAULT_FG = (0xE0, 0xE2, 0xEA)  # Neovim's default colour scheme (dark)
DEFAULT_BG = (0x14, 0x16, 0x1B)

# xterm's 16 colours
BASE16 = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def color256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


class Style:
    __slots__ = ("fg", "bg", "ul_color", "bold", "italic", "dim", "reverse", "strike", "underline")

    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.ul_color = None
        self.bold = self.italic = self.dim = self.reverse = self.strike = False
        self.underline = 0  # 0 none, 1 single, 2 double, 3 curly, 4 dotted, 5 dashed

    def copy(self):
        s = Style()
        for k in self.__slots__:
            setattr(s, k, getattr(self, k))
        return s


def parse_color(params, i):
    """Parses 38/48/58 arguments starting at params[i] (the 5 or 2); returns (color, next index)."""
    if i >= len(params):
        return None, i
    mode = params[i]
    if mode == "5" and i + 1 < len(params):
        return color256(int(params[i + 1] or 0)), i + 2
    if mode == "2" and i + 3 < len(params):
        return (int(params[i + 1] or 0), int(params[i + 2] or 0), int(params[i + 3] or 0)), i + 4
    return None, i + 1


def apply_sgr(style, arg):
    # Colon-separated sub-parameters (4:3, 58:2::r:g:b) belong to one parameter.
    params = arg.split(";") if arg else ["0"]
    i = 0
    while i < len(params):
        p = params[i]
        if ":" in p:
            sub = p.split(":")
            head = sub[0]
            if head == "4":
                style.underline = int(sub[1] or 1) if len(sub) > 1 else 1
            elif head in ("38", "48", "58"):
                rest = [x for x in sub[1:]]
                if rest and rest[0] == "2":
                    vals = [x for x in rest[1:] if x != ""]
                    vals = vals[-3:]
                    col = tuple(int(v) for v in vals) if len(vals) == 3 else None
                elif rest and rest[0] == "5":
                    col = color256(int(rest[1]))
                else:
                    col = None
                if head == "38":
                    style.fg = col
                elif head == "48":
                    style.bg = col
                else:
                    style.ul_color = col
            i += 1
            continue
        n = int(p) if p.isdigit() else 0
        if n == 0:
            style.reset()
        elif n == 1:
            style.bold = True
        elif n == 2:
            style.dim = True
        elif n == 3:
            style.italic = True
        elif n == 4:
            style.underline = 1
        elif n == 7:
            style.reverse = True
        elif n == 9:
            style.strike = True
        elif n == 21:
            style.underline = 2
        elif n == 22:
            style.bold = style.dim = False
        elif n == 23:
            style.italic = False
        elif n == 24:
            style.underline = 0
        elif n == 27:
            style.reverse = False
        elif n == 29:
            style.strike = False
        elif 30 <= n <= 37:
            style.fg = BASE16[n - 30]
        elif n == 39:
            style.fg = None
        elif 40 <= n <= 47:
            style.bg = BASE16[n - 40]
        elif n == 49:
            style.bg = None
        elif 90 <= n <= 97:
            style.fg = BASE16[n - 90 + 8]
        elif 100 <= n <= 107:
            style.bg = BASE16[n - 100 + 8]
        elif n in (38, 48, 58):
            col, i = parse_color(params, i + 1)
            if n == 38:
                style.fg = col
            elif n == 48:
                style.bg = col
            else:
                style.ul_color = col
            continue
        elif n == 59:
            style.ul_color = None
        i += 1


def cell_width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def parse(text, cols, rows):
    screen = []
    for raw in text.split("\n")[:rows]:
        style = Style()
        row = []
        pos = 0
        while pos < len(raw):
            if raw[pos] == "\x1b":
                m = re.match(r"\x1b\[([0-9;:]*)m", raw[pos:])
                if m:
                    apply_sgr(style, m.group(1))
                    pos += m.end()
                    continue
                m = re.match(r"\x1b(\[[0-9;:?]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\)|.)", raw[pos:])
                pos += m.end() if m else 1
                continue
            ch = raw[pos]
            pos += 1
            w = cell_width(ch)
            if w == 0 and row:
                row[-1] = (row[-1][0] + ch, row[-1][1])
                continue
            row.append((ch, style.copy()))
            if w == 2:
                row.append(("", style.copy()))
        screen.append(row[:cols])
    while len(screen) < rows:
        screen.append([])
    return screen


def render(screen, cols, rows, size, out):
    fonts = {
        (False, False): ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", size),
        (True, False): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", size),
        (False, True): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Oblique.ttf", size),
        (True, True): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-BoldOblique.ttf", size),
    }
    cw = round(fonts[(False, False)].getlength("M"))
    ch = round(size * 1.35)
    pad = 10
    img = Image.new("RGB", (cols * cw + 2 * pad, rows * ch + 2 * pad), DEFAULT_BG)
    d = ImageDraw.Draw(img)
    for y, row in enumerate(screen):
        for x, (text, st) in enumerate(row):
            fg = st.fg or DEFAULT_FG
            bg = st.bg or DEFAULT_BG
            if st.reverse:
                fg, bg = bg, fg
            if st.dim:
                fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
            x0, y0 = pad + x * cw, pad + y * ch
            if bg != DEFAULT_BG:
                d.rectangle([x0, y0, x0 + cw - 1, y0 + ch - 1], fill=bg)
            if text and text != " ":
                d.text((x0, y0 + (ch - size) // 2 - 1), text, font=fonts[(st.bold, st.italic)], fill=fg)
            ul = st.ul_color or fg
            base = y0 + ch - 3
            if st.underline == 3:  # curly
                pts = [(x0 + i, base + (1 if (x0 + i) % 4 < 2 else -1)) for i in range(cw + 1)]
                d.line(pts, fill=ul, width=1)
            elif st.underline == 2:
                d.line([(x0, base - 1), (x0 + cw, base - 1)], fill=ul)
                d.line([(x0, base + 1), (x0 + cw, base + 1)], fill=ul)
            elif st.underline:
                d.line([(x0, base), (x0 + cw, base)], fill=ul)
            if st.strike:
                d.line([(x0, y0 + ch // 2), (x0 + cw, y0 + ch // 2)], fill=fg)
    img.save(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("screen")
    ap.add_argument("out")
    ap.add_argument("--cols", type=int, default=150)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--font-size", type=int, default=15)
    a = ap.parse_args()
    with open(a.screen, encoding="utf-8", errors="replace") as f:
        text = f.read()
    screen = parse(text, a.cols, a.rows)
    if not any(row for row in screen):
        raise SystemExit("empty screen capture")
    render(screen, a.cols, a.rows, a.font_size, a.out)


if __name__ == "__main__":
    main()
