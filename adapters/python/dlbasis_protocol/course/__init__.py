"""Course code as it is: the deeplearning.ai course's week 2, 3 and 4 functions, checked without glue.

    ./dlbasis conform --impl course:'Planar data classification with one hidden layer.ipynb'
    python3 -m dlbasis_protocol.course --describe my_week4.py     # what the loader finds

From a notebook: ``from dlbasis_protocol.course import check; check()`` (or ``%load_ext
dlbasis_protocol.course`` then ``%dlbasis``) checks the functions defined in the running kernel.
"""
from .notebook import check, load_ipython_extension

__all__ = ["check", "load_ipython_extension"]
