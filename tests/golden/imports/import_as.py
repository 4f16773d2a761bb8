# import ... as and from ... import ... as.
import _helper_shapes as shapes
from _helper_shapes import Square as Sq, PI as pi
print(shapes.PI == pi)  # expect: True
print(Sq(5).area(), isinstance(Sq(1), shapes.Square))  # expect: 25 True
