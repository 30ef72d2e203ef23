package io.github.ndfilters.ij1;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Reads one channel of an {@link ImagePlus} as a 4-D ImgLib2 view with axes
 * x, y, z, t, without copying pixels: the planes' pixel arrays are wrapped
 * as they are. Axes of size 1 are kept, so a kernel's x,
 * y, z and t always meet the image's x, y, z and t.
 * <p>
 * An RGB image has one channel per colour ({@code colour} 0 red, 1 green, 2
 * blue). A virtual stack is read plane by plane when the view is built and is
 * never written.
 * </p>
 */
final class ChannelView
{
	private ChannelView()
	{}

	/**
	 * @param image
	 *            the image to read
	 * @param channel
	 *            the ImageJ channel, from 1
	 * @param colour
	 *            for RGB images the colour (0, 1 or 2), ignored otherwise
	 * @return a view with axes x, y, z, t, min 0
	 */
	static RandomAccessibleInterval< ? extends RealType< ? > > of( final ImagePlus image,
			final int channel, final int colour )
	{
		final List< Object > planes = planes( image, channel );
		final long[] dims = { image.getWidth(), image.getHeight(), image.getNSlices(),
				image.getNFrames() };
		switch ( image.getBitDepth() )
		{
		case 8:
			return PlanarWrap.bytes( planes, dims );
		case 16:
			return PlanarWrap.shorts( planes, dims );
		case 32:
			return PlanarWrap.floats( planes, dims );
		case 24:
			final int shift = 16 - 8 * colour;
			return Converters.convert( ( RandomAccessibleInterval< IntType > ) PlanarWrap
					.ints( planes, dims ), ( in, out ) -> out.set( ( in.get() >> shift ) & 0xff ),
					new UnsignedByteType() );
		default:
			throw new IllegalArgumentException( "Images of " + image.getBitDepth()
					+ " bits per pixel are not supported; use 8-bit, 16-bit, 32-bit or RGB." );
		}
	}

	/** @return the number of channels to filter: colours count as channels */
	static int channelCount( final ImagePlus image )
	{
		return image.getBitDepth() == 24 ? 3 * image.getNChannels() : image.getNChannels();
	}

	/** Reads the filter channel {@code index} (from 0) as in {@link #channelCount}. */
	static RandomAccessibleInterval< ? extends RealType< ? > > of( final ImagePlus image,
			final int index )
	{
		return image.getBitDepth() == 24 ? of( image, index / 3 + 1, index % 3 )
				: of( image, index + 1, 0 );
	}

	/** @return the pixel arrays of one channel, z fastest, then t */
	private static List< Object > planes( final ImagePlus image, final int channel )
	{
		final ImageStack stack = image.getStack();
		final List< Object > planes = new ArrayList<>();
		for ( int t = 1; t <= image.getNFrames(); t++ )
			for ( int z = 1; z <= image.getNSlices(); z++ )
				planes.add( stack.getPixels( image.getStackIndex( channel, z, t ) ) );
		return planes;
	}
}
