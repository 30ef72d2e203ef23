#@ Img image

# Calls the ImgLib2 core directly: no SciJava context, any number of
# dimensions, any real pixel type. A kernel with fewer axes than the image
# has size 1 along the rest. To see a result in Fiji, add:
#   from net.imglib2.img.display.imagej import ImageJFunctions
#   ImageJFunctions.show(edges)

from jarray import array
from io.github.ndfilters.core import Boundary, Filters, Kernel, LinearFilter, OutputSize
from io.github.ndfilters.kernel import KernelText

# weights x fastest, then the size per axis
sobel = Kernel.of(array([-1, 0, 1, -2, 0, 2, -1, 0, 1], 'd'), 3, 3)
edges = Filters.convolve(image, sobel, Boundary.MIRROR)

# every option: a kernel typed as text, normalised, with the full output
smooth = (LinearFilter.correlate(KernelText.parse("1 2\n3 4"))
          .boundary(Boundary.PERIODIC)
          .normalize(True)
          .outputSize(OutputSize.FULL)
          .apply(image))
