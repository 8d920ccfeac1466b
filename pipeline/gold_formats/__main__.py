"""`python -m pipeline.gold_formats > docs/label-studio-config.xml`: print the Label Studio labelling config."""

import sys

from . import label_config

sys.stdout.write(label_config())
