package io.github.ndfilters.ij1;

import ij.ImagePlus;
import io.github.ndfilters.core.Kernel;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Turns an ImageJ 1.x image into a {@link Kernel}: pixel values become
 * weights, and the image's x, y, z and t axes become the kernel's axes, so a
 * stack gives a 3-D kernel and a hyperstack with frames a 4-D one. The centre
 * is {@code size / 2} per axis; {@link KernelCenter} moves it.
 *
 * <pre>
 * Kernel psf = ImagePlusKernels.fromImage( WindowManager.getImage( "psf.tif" ) );
 * </pre>
 */
public final class ImagePlusKernels
{
	private ImagePlusKernels()
	{}

	/**
	 * @param kernelImage
	 *            an 8-bit, 16-bit or 32-bit image with one channel
	 * @return its pixels as kernel weights; trailing axes of size 1 are left
	 *         out (an x-y image gives a 2-D kernel)
	 * @throws IllegalArgumentException
	 *             if the image has several channels, is RGB, or holds a NaN
	 *             or infinite value
	 */
	public static Kernel fromImage( final ImagePlus kernelImage )
	{
		if ( kernelImage == null )
			throw new IllegalArgumentException( "No kernel image was given." );
		final String title = kernelImage.getTitle();
		if ( kernelImage.getBitDepth() == 24 )
			throw new IllegalArgumentException( "The kernel image '" + title + "' is RGB, which"
					+ " holds three colours; a kernel needs one value per pixel. Convert it"
					+ " (Image > Type > 32-bit) or split its colours first." );
		if ( kernelImage.getNChannels() > 1 )
			throw new IllegalArgumentException( "The kernel image '" + title + "' has "
					+ kernelImage.getNChannels() + " channels; a kernel needs exactly one."
					+ " Split the channels (Image > Color > Split Channels) and give one of"
					+ " them as the kernel." );
		RandomAccessibleInterval< ? extends RealType< ? > > view = ChannelView.of( kernelImage,
				0 );
		while ( view.numDimensions() > 2 && view.dimension( view.numDimensions() - 1 ) == 1 )
			view = Views.hyperSlice( view, view.numDimensions() - 1, 0 );
		try
		{
			return Kernel.of( view );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new IllegalArgumentException( "The kernel image '" + title
					+ "' cannot be used. " + e.getMessage(), e );
		}
	}
}
