package io.github.ndfilters.ij1;

import java.awt.Color;
import java.util.concurrent.CancellationException;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.LUT;
import io.github.ndfilters.core.Boundary;
import io.github.ndfilters.core.BoundaryConditions;
import io.github.ndfilters.core.FilterMonitor;
import io.github.ndfilters.core.Kernel;
import io.github.ndfilters.core.LinearFilter;
import io.github.ndfilters.core.MemoryBudget;
import io.github.ndfilters.core.OutputSize;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.util.Intervals;

/**
 * Applies a {@link LinearFilter} to an ImageJ 1.x image and returns the result
 * as a new image.
 * <p>
 * The kernel's x, y, z and t axes meet the image's x, y, z and t axes; a
 * kernel with fewer axes has size 1 on the rest, so a 2-D kernel filters each
 * slice of a stack. Channels are never mixed: each channel, and each colour of
 * an RGB image, is filtered on its own. The input is only read.
 * </p>
 *
 * <pre>
 * ImagePlus edges = ImagePlusFilter.apply( image,
 * 		LinearFilter.convolve( Kernel.of( sobel, 3, 3 ) ), false, FilterMonitor.NONE );
 * </pre>
 *
 * The result is 32-bit (RGB gives one 32-bit channel per colour) or, when the
 * type is kept, of the input's type, rounded half away from zero and
 * saturated. It keeps the calibration and the channel, slice and frame
 * layout; for output sizes {@code full} and {@code valid} the sizes change and
 * the calibration origin moves so that the result lines up with the input.
 * A selection on the input is ignored (the monitor is warned): the whole
 * image is filtered, and the result has no selection. A kernel longer than 1
 * along z or t needs an image with several slices or frames there.
 */
public final class ImagePlusFilter
{
	/**
	 * The warning for an image with a selection. The result is a new image of
	 * the whole input, so a selection cannot say which pixels to change; it
	 * stays on the input and is not copied to the result.
	 */
	static final String IGNORED_SELECTION = "The selection is ignored; the whole image is"
			+ " filtered. Crop first (Image > Crop) to filter only the selected part.";

	private ImagePlusFilter()
	{}

	/**
	 * @param image
	 *            the image to filter; never changed
	 * @param filter
	 *            the filter; its own monitor is replaced by {@code monitor}
	 * @param keepType
	 *            {@code true} for a result of the input's type, {@code false}
	 *            for 32-bit
	 * @param monitor
	 *            receives progress and warnings and may cancel; may be
	 *            {@code null}
	 * @return a new image, not shown
	 * @throws CancellationException
	 *             if the monitor canceled; no result is made
	 * @throws IllegalArgumentException
	 *             if the kernel does not fit the image
	 */
	public static ImagePlus apply( final ImagePlus image, final LinearFilter filter,
			final boolean keepType, final FilterMonitor monitor )
	{
		if ( image == null || filter == null )
			throw new IllegalArgumentException( "Give an image and a filter." );
		final FilterMonitor m = monitor == null ? FilterMonitor.NONE : monitor;
		if ( image.getRoi() != null )
			m.warn( IGNORED_SELECTION );
		requireDepth( image, filter.kernel() );
		final Interval out = filter.outputInterval( interval( image ) );
		final int channels = ChannelView.channelCount( image );
		final ResultPlanes.Kind kind = kind( image, keepType );
		MemoryBudget.require( ResultPlanes.bytes( kind, channels, out ), readBytes( image ) );
		final ResultPlanes planes = new ResultPlanes( kind, channels, out );
		// NB: the display range of a float result is gathered as its rows are stored.
		final double[][] ranges = new double[ channels ][];
		for ( int c = 0; c < channels; c++ )
		{
			if ( m.isCanceled() )
				throw new CancellationException( "The filter was canceled." );
			final FilterMonitor share = new ShareOfWork( m, c, channels );
			final RangeRecorder recorder = kind == ResultPlanes.Kind.FLOAT
					? new RangeRecorder( share ) : null;
			filter.monitor( recorder == null ? share : recorder )
					.applyTo( ChannelView.of( image, c ), planes.view( c ) );
			if ( recorder != null )
				ranges[ c ] = recorder.range( Intervals.numElements( out ) );
		}
		final boolean rgb = keepType && image.getBitDepth() == 24;
		final ImageStack stack = rgb ? planes.toRgbStack() : planes.toStack();
		if ( filter.outputSize() == OutputSize.SAME )
			copySliceLabels( image, stack, rgb ? image.getNChannels() : channels,
					image.getBitDepth() == 24 && !rgb );
		final ImagePlus result = new ImagePlus( title( image, filter ), stack );
		final int resultChannels = rgb ? image.getNChannels() : channels;
		result.setDimensions( resultChannels, planes.slices, planes.frames );
		result.setCalibration( calibration( image, out, keepType ) );
		return display( image, result, planes, ranges, rgb );
	}

	/**
	 * Refuses a kernel that reaches along z or t when the image has a single
	 * slice or frame there. The filter could fold the kernel over that one
	 * plane, but a 3-D kernel on a 2-D image is almost always a mix-up, and
	 * its answer would look plausible and be wrong.
	 *
	 * @throws IllegalArgumentException
	 *             naming the axis and what to give instead
	 */
	static void requireDepth( final ImagePlus image, final Kernel kernel )
	{
		final String[] axes = { "z", "t" };
		final int[] sizes = { image.getNSlices(), image.getNFrames() };
		final String[] planes = { "slice", "frame" };
		for ( int a = 0; a < 2; a++ )
		{
			final int d = a + 2;
			if ( d >= kernel.numDimensions() || kernel.dimension( d ) == 1 || sizes[ a ] > 1 )
				continue;
			throw new IllegalArgumentException( "The kernel is " + kernel.dimension( d )
					+ " long along " + axes[ a ] + ", but '" + image.getTitle() + "' has a single "
					+ planes[ a ] + ". Give a kernel of size 1 along " + axes[ a ] + " (such as"
					+ " a 2-D kernel), or an image with several " + planes[ a ] + "s (Image >"
					+ " Hyperstacks > Re-order Hyperstack swaps slices and frames)." );
		}
	}

	/**
	 * @return the bytes that reading one channel holds in memory: nothing
	 *         for a stack in memory, but every plane of the channel for a
	 *         virtual stack, whose planes are read before the filter starts
	 */
	static double readBytes( final ImagePlus image )
	{
		if ( !image.getStack().isVirtual() )
			return 0;
		final int bytesPerPixel = image.getBitDepth() == 24 ? 4 : image.getBitDepth() / 8;
		return ( double ) bytesPerPixel * image.getWidth() * image.getHeight() * image
				.getNSlices() * image.getNFrames();
	}

	/** @return the 4-D interval (x, y, z, t) of one channel of the image */
	static Interval interval( final ImagePlus image )
	{
		return new FinalInterval( image.getWidth(), image.getHeight(), image.getNSlices(),
				image.getNFrames() );
	}

	/**
	 * Gives each plane of a result of the input's size the label of the input
	 * plane it came from.
	 *
	 * @param perColour
	 *            whether each RGB colour became a channel of its own
	 */
	private static void copySliceLabels( final ImagePlus image, final ImageStack stack,
			final int channels, final boolean perColour )
	{
		final ImageStack input = image.getStack();
		if ( input.isVirtual() )
			return; // NB: a virtual stack's labels may mean reading every file once more.
		for ( int n = 1; n <= stack.getSize(); n++ )
		{
			final int c = ( n - 1 ) % channels;
			final int zt = ( n - 1 ) / channels;
			final int z = zt % image.getNSlices() + 1;
			final int t = zt / image.getNSlices() + 1;
			final int from = image.getStackIndex( perColour ? c / 3 + 1 : c + 1, z, t );
			stack.setSliceLabel( input.getSliceLabel( from ), n );
		}
	}

	private static ResultPlanes.Kind kind( final ImagePlus image, final boolean keepType )
	{
		if ( !keepType )
			return ResultPlanes.Kind.FLOAT;
		switch ( image.getBitDepth() )
		{
		case 8:
		case 24:
			return ResultPlanes.Kind.BYTE;
		case 16:
			return ResultPlanes.Kind.SHORT;
		default:
			return ResultPlanes.Kind.FLOAT;
		}
	}

	/** A title such as {@code Convolve of cells.tif (symmetric)}. */
	static String title( final ImagePlus image, final LinearFilter filter )
	{
		final String op = filter.operation().token();
		final StringBuilder sb = new StringBuilder();
		sb.append( Character.toUpperCase( op.charAt( 0 ) ) ).append( op.substring( 1 ) );
		sb.append( " of " ).append( image.getTitle() ).append( " (" );
		sb.append( describe( filter.boundaryConditions() ) );
		if ( filter.outputSize() != OutputSize.SAME )
			sb.append( ", " ).append( filter.outputSize().token() );
		if ( filter.normalizes() )
			sb.append( ", normalized" );
		return sb.append( ")" ).toString();
	}

	private static String describe( final BoundaryConditions boundary )
	{
		final Boundary mode = boundary.mode( 0 );
		if ( mode != Boundary.CONSTANT )
			return mode.token();
		final double v = boundary.value();
		return "constant " + ( v == Math.rint( v ) && Math.abs( v ) < 1e15
				? Long.toString( ( long ) v ) : Double.toString( v ) );
	}

	/**
	 * The input's calibration, with the origin moved by the output's min so
	 * that a {@code full} or {@code valid} result lies over the input. A 32-bit
	 * result holds filtered raw values, so it gets no value calibration.
	 */
	static Calibration calibration( final ImagePlus image, final Interval out,
			final boolean keepType )
	{
		final Calibration cal = image.getCalibration().copy();
		cal.xOrigin -= out.min( 0 );
		cal.yOrigin -= out.min( 1 );
		cal.zOrigin -= out.min( 2 );
		if ( !keepType )
			cal.disableDensityCalibration();
		return cal;
	}

	/**
	 * Composite mode, lookup tables and display ranges that suit the result.
	 *
	 * @param ranges
	 *            per channel, its range if known already, else {@code null}
	 */
	private static ImagePlus display( final ImagePlus image, final ImagePlus result,
			final ResultPlanes planes, final double[][] ranges, final boolean rgb )
	{
		if ( rgb )
			return result;
		final int channels = result.getNChannels();
		if ( result.getStackSize() > 1 && ( channels > 1 || result.getNFrames() > 1 ) )
			result.setOpenAsHyperStack( true );
		if ( channels == 1 )
		{
			final LUT lut = image.getBitDepth() == 24 ? null : image.getProcessor().getLut();
			if ( lut != null )
				result.getProcessor().setLut( lut );
			final double[] range = range( planes, ranges, 0 );
			result.setDisplayRange( range[ 0 ], range[ 1 ] );
			return result;
		}
		final int mode = image.getBitDepth() == 24 ? CompositeImage.COMPOSITE
				: image.isComposite() ? ( ( CompositeImage ) image ).getMode()
						: CompositeImage.GRAYSCALE;
		final CompositeImage composite = new CompositeImage( result, mode );
		for ( int c = 0; c < channels; c++ )
		{
			final double[] range = range( planes, ranges, c );
			composite.setChannelLut( channelLut( image, c ), c + 1 );
			composite.setPosition( c + 1, 1, 1 );
			composite.setDisplayRange( range[ 0 ], range[ 1 ] );
		}
		composite.setPosition( 1, 1, 1 );
		return composite;
	}

	private static LUT channelLut( final ImagePlus image, final int c )
	{
		if ( image.getBitDepth() == 24 )
		{
			final Color[] colours = { Color.RED, Color.GREEN,
					Color.BLUE };
			return LUT.createLutFromColor( colours[ c % 3 ] );
		}
		if ( image.isComposite() )
			return ( ( CompositeImage ) image ).getChannelLut( c + 1 );
		return LUT.createLutFromColor( Color.WHITE );
	}

	private static double[] range( final ResultPlanes planes, final double[][] ranges,
			final int channel )
	{
		return ranges[ channel ] != null ? ranges[ channel ] : planes.range( channel );
	}
}
