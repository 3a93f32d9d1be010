#!/usr/bin/env python3
"""Synthesize sentences with Debian's libespeak-ng and record its word and phoneme events.

Test tooling only: espeak-ng is GPL-3.0, so it is driven here through ctypes from the
system library (`apt-get install espeak-ng`) and never bundled with the SDK.

    python3 espeak_synth.py VOICE SENTENCES.json OUT_DIR

SENTENCES.json is {"<id>": "<text>"}. For each id this writes OUT_DIR/<id>.wav (16-bit
mono at espeak's own rate) and OUT_DIR/<id>.events.json: the raw events in the order the
library reported them, positions in ms. The corrections of espeak's event placement are
made in TypeScript (reference.ts), so that they sit beside the code that documents them.
"""
import ctypes
import json
import struct
import sys
import wave
from pathlib import Path

AUDIO_OUTPUT_SYNCHRONOUS = 2
INITIALIZE_PHONEME_EVENTS = 0x0001
INITIALIZE_PHONEME_IPA = 0x0002
CHARS_UTF8 = 1
ENDPAUSE = 0x1000
EVENT_NAMES = {0: 'terminated', 1: 'word', 2: 'sentence', 3: 'mark', 4: 'play', 5: 'end', 6: 'msg-terminated', 7: 'phoneme', 8: 'samplerate'}


class EventId(ctypes.Union):
    _fields_ = [('number', ctypes.c_int), ('name', ctypes.c_char_p), ('string', ctypes.c_char * 8)]


class Event(ctypes.Structure):
    """espeak_EVENT from speak_lib.h."""
    _fields_ = [
        ('type', ctypes.c_int),
        ('unique_identifier', ctypes.c_uint),
        ('text_position', ctypes.c_int),
        ('length', ctypes.c_int),
        ('audio_position', ctypes.c_int),
        ('sample', ctypes.c_int),
        ('user_data', ctypes.c_void_p),
        ('id', EventId),
    ]


CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(Event))


def main() -> None:
    voice, sentences_path, out_dir = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    out_dir.mkdir(parents=True, exist_ok=True)
    lib = ctypes.CDLL('libespeak-ng.so.1')
    rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, None, INITIALIZE_PHONEME_EVENTS | INITIALIZE_PHONEME_IPA)
    if rate <= 0:
        sys.exit('espeak_Initialize failed: is espeak-ng installed (apt-get install espeak-ng)?')
    if lib.espeak_SetVoiceByName(voice.encode()) != 0:
        sys.exit(f'espeak-ng has no voice {voice!r}')

    samples: list[int] = []
    events: list[dict] = []

    def on_synth(wav, count, event_ptr):
        if count > 0:
            samples.extend(wav[:count])
        i = 0
        while event_ptr[i].type != 0:
            e = event_ptr[i]
            name = EVENT_NAMES.get(e.type, str(e.type))
            item = {'type': name, 'ms': e.audio_position, 'textPos': e.text_position, 'length': e.length}
            if name == 'phoneme':
                item['phoneme'] = bytes(e.id.string).split(b'\0', 1)[0].decode('utf-8', 'replace')
            if name in ('word', 'phoneme', 'end', 'sentence'):
                events.append(item)
            i += 1
        return 0

    callback = CALLBACK(on_synth)  # keep a reference for the library's lifetime
    lib.espeak_SetSynthCallback(callback)
    texts = json.loads(sentences_path.read_text(encoding='utf-8'))
    for sid, text in texts.items():
        samples.clear()
        events.clear()
        data = text.encode('utf-8') + b'\0'
        lib.espeak_Synth(data, len(data), 0, 0, 0, CHARS_UTF8 | ENDPAUSE, None, None)
        lib.espeak_Synchronize()
        with wave.open(str(out_dir / f'{sid}.wav'), 'wb') as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(struct.pack(f'<{len(samples)}h', *samples))
        (out_dir / f'{sid}.events.json').write_text(
            json.dumps({'text': text, 'sampleRate': rate, 'samples': len(samples), 'events': events}, ensure_ascii=False),
            encoding='utf-8',
        )
    print(f'{voice}: {len(texts)} sentences at {rate} Hz -> {out_dir}')


if __name__ == '__main__':
    main()
