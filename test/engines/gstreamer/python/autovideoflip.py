# Test-only GStreamer shim for WebKitGTK on Debian 12. NOT part of the widget.
#
# WebKitGTK 2.50's MediaRecorder builds its transcoding pipeline with an element named
# `autovideoflip` (gst-plugins-good 1.24+) and records nothing (0-byte blobs) when it is missing.
# Debian 12 ships GStreamer 1.22, which has `videoflip` but not `autovideoflip`. This plugin
# registers `autovideoflip` as a bin around `videoflip` with the same `video-direction` property,
# which is all WebKit asks of it. It is loaded only by web-test-runner.browsers.config.mjs, through
# GST_PLUGIN_PATH, with python3-gst-1.0 and gstreamer1.0-python3-plugin-loader installed.
import gi

gi.require_version('Gst', '1.0')
gi.require_version('GstVideo', '1.0')
from gi.repository import GObject, Gst, GstVideo  # noqa: E402

Gst.init(None)


class AutoVideoFlip(Gst.Bin):
    __gstmetadata__ = (
        'autovideoflip (test shim)',
        'Filter/Effect/Video',
        'videoflip under the name GStreamer 1.24 gives its automatic flipper',
        'oneway-interview tests',
    )
    __gsttemplates__ = (
        Gst.PadTemplate.new('sink', Gst.PadDirection.SINK, Gst.PadPresence.ALWAYS, Gst.Caps.from_string('video/x-raw')),
        Gst.PadTemplate.new('src', Gst.PadDirection.SRC, Gst.PadPresence.ALWAYS, Gst.Caps.from_string('video/x-raw')),
    )
    __gproperties__ = {
        'video-direction': (
            GstVideo.VideoOrientationMethod,
            'Video direction',
            'Video direction: rotation and flipping',
            GstVideo.VideoOrientationMethod.IDENTITY,
            GObject.ParamFlags.READWRITE,
        ),
    }

    def __init__(self):
        super().__init__()
        self.flip = Gst.ElementFactory.make('videoflip', None)
        self.add(self.flip)
        self.add_pad(Gst.GhostPad.new_from_template('sink', self.flip.get_static_pad('sink'), self.get_pad_template('sink')))
        self.add_pad(Gst.GhostPad.new_from_template('src', self.flip.get_static_pad('src'), self.get_pad_template('src')))

    def do_get_property(self, prop):
        if prop.name == 'video-direction':
            return self.flip.get_property('video-direction')
        raise AttributeError(prop.name)

    def do_set_property(self, prop, value):
        if prop.name == 'video-direction':
            self.flip.set_property('video-direction', value)
        else:
            raise AttributeError(prop.name)


GObject.type_register(AutoVideoFlip)
__gstelementfactory__ = ('autovideoflip', Gst.Rank.NONE, AutoVideoFlip)
