"""A video of QR codes for Chromium's fake camera: a Y4M file made from segno's images."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import segno
from PIL import Image

WIDTH, HEIGHT, FPS = 320, 240, 10


def qr_frame(text: str) -> Image.Image:
    """The code, black on white, as large as the frame allows with a quiet zone."""
    png = io.BytesIO()
    segno.make(text, error="m").save(png, kind="png", scale=1, border=4)
    code = Image.open(png).convert("L")
    side = (HEIGHT // code.width) * code.width
    code = code.resize((side, side), Image.NEAREST)
    frame = Image.new("L", (WIDTH, HEIGHT), 255)
    frame.paste(code, ((WIDTH - side) // 2, (HEIGHT - side) // 2))
    return frame


def write_y4m(path: Path, texts: Sequence[str], *, frames_each: int = 10) -> Path:
    """Each text's QR code for `frames_each` frames, in order (Chromium loops the file)."""
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F{FPS}:1 Ip A1:1 C420jpeg\n".encode())
        for text in texts:
            ycbcr = np.asarray(qr_frame(text).convert("YCbCr"))
            planes = (
                ycbcr[:, :, 0].tobytes()
                + ycbcr[::2, ::2, 1].tobytes()
                + ycbcr[::2, ::2, 2].tobytes()
            )
            for _ in range(frames_each):
                out.write(b"FRAME\n" + planes)
    return path
